// Test-time only. Asks @cloud-copilot/iam-simulate (AGPL-3.0, installed here by npm, never bundled with
// roleplan) every case DifferentialCases wrote, and compares with roleplan's answer recorded in the case.
// Identity-only mode: principal and resource in the same account, no resource policy, no SCPs or RCPs.
//
// usage: node compare.mjs cases.jsonl
// Exit status 0 when every case agrees, 1 on any disagreement or simulator error.

import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const ACCOUNT = '111122223333';
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/roleplan-diff`;

// KMS keys always have a key policy; AWS's default one delegates to the account's IAM policies, which
// makes identity policies decide, as everywhere else. Without it iam-simulate (rightly) denies.
const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

function resourcePolicyFor(c) {
  return c.resource.startsWith('arn:aws:kms:') && c.resource.split(':').slice(5).join(':').startsWith('key/')
    ? DEFAULT_KEY_POLICY
    : undefined;
}

function simulation(c) {
  return {
    resourcePolicy: resourcePolicyFor(c),
    request: {
      principal: PRINCIPAL,
      action: c.action,
      resource: { resource: c.resource, accountId: ACCOUNT },
      contextVariables: {},
    },
    identityPolicies: c.policies.map((policy, i) => ({ name: String(i), policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node compare.mjs cases.jsonl');
  process.exit(2);
}
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));

let agree = 0;
const disagreements = [];
const errors = [];
for (const c of cases) {
  const result = await runSimulation(simulation(c), {});
  if (result.resultType === 'error') {
    errors.push({ case: c, errors: result.errors });
    continue;
  }
  if (result.overallResult === c.roleplan) {
    agree++;
  } else {
    disagreements.push({ case: c, iamSimulate: result.overallResult });
  }
}

const total = cases.length;
const pct = total === 0 ? 0 : (100 * agree) / total;
console.log(`iam-simulate differential: ${agree} of ${total} cases agree (${pct.toFixed(2)}%), `
  + `${disagreements.length} disagree, ${errors.length} rejected by iam-simulate`);
const counts = {};
for (const c of cases) counts[c.roleplan] = (counts[c.roleplan] || 0) + 1;
console.log('roleplan decisions: ' + Object.keys(counts).sort().map((k) => `${k} ${counts[k]}`).join(', '));

if (disagreements.length > 0) {
  const kinds = {};
  for (const d of disagreements) {
    const k = `${d.case.action.split(':')[0]} roleplan ${d.case.roleplan} / iam-simulate ${d.iamSimulate}`;
    kinds[k] = (kinds[k] || 0) + 1;
  }
  for (const k of Object.keys(kinds).sort()) console.log(`  ${kinds[k]}  ${k}`);
  disagreements.sort((a, b) => a.case.size - b.case.size || a.case.id - b.case.id);
  const d = disagreements[0];
  console.log(`smallest disagreeing case (id ${d.case.id}): roleplan ${d.case.roleplan}, iam-simulate ${d.iamSimulate}`);
  console.log(JSON.stringify({ action: d.case.action, resource: d.case.resource, policies: d.case.policies }, null, 2));
}
if (errors.length > 0) {
  errors.sort((a, b) => a.case.size - b.case.size || a.case.id - b.case.id);
  const e = errors[0];
  console.log(`smallest case iam-simulate rejected (id ${e.case.id}): ${JSON.stringify(e.errors)}`);
  console.log(JSON.stringify({ action: e.case.action, resource: e.case.resource, policies: e.case.policies }, null, 2));
}
const failed = disagreements.length + errors.length;
console.log(`iam-simulate-diff: ${agree} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
