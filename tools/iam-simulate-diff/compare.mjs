// Test-time only. Asks @cloud-copilot/iam-simulate (AGPL-3.0, installed here by npm, never bundled with
// roleplan) every case DifferentialCases wrote, and compares with roleplan's answer recorded in the case.
// Identity-only mode: principal and resource in the same account, no resource policy (except the default
// KMS key policy, see below), no SCPs or RCPs; a permissions boundary when the case has one.
//
// Exact cases (no Conditions) must agree decision for decision. Conditional cases (statements may carry
// Bool aws:SecureTransport) are run with the key "true" and "false", and roleplan's answer must be sound:
// Allowed only if both allow, a denial only if neither allows, ExplicitlyDenied only if both deny
// explicitly. roleplan's Conditional makes no claim beyond that.
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

function simulation(c, contextVariables) {
  return {
    resourcePolicy: resourcePolicyFor(c),
    request: {
      principal: PRINCIPAL,
      action: c.action,
      resource: { resource: c.resource, accountId: ACCOUNT },
      contextVariables,
    },
    identityPolicies: c.policies.map((policy, i) => ({ name: String(i), policy })),
    permissionBoundaryPolicies: c.boundary ? [{ name: 'boundary', policy: c.boundary }] : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

// What roleplan's answer claims about the simulator's answers under every context.
function sound(roleplan, results) {
  switch (roleplan) {
    case 'Allowed':
      return results.every((r) => r === 'Allowed');
    case 'ExplicitlyDenied':
      return results.every((r) => r === 'ExplicitlyDenied');
    case 'ImplicitlyDenied':
      return results.every((r) => r !== 'Allowed');
    case 'Conditional':
      return true;
    default:
      return false;
  }
}

function describe(c) {
  return JSON.stringify({ action: c.action, resource: c.resource, policies: c.policies, boundary: c.boundary }, null, 2);
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node compare.mjs cases.jsonl');
  process.exit(2);
}
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));

let exactTotal = 0;
let exactAgree = 0;
let conditionalTotal = 0;
let conditionalSound = 0;
let conditionalVaries = 0;
let conditionalAnswers = 0;
const disagreements = [];
const errors = [];
for (const c of cases) {
  const contexts = c.conditional
    ? [{ 'aws:SecureTransport': 'true' }, { 'aws:SecureTransport': 'false' }]
    : [{}];
  const results = [];
  let error;
  for (const context of contexts) {
    const result = await runSimulation(simulation(c, context), {});
    if (result.resultType === 'error') {
      error = result.errors;
      break;
    }
    results.push(result.overallResult);
  }
  if (error) {
    errors.push({ case: c, errors: error });
    continue;
  }
  if (c.conditional) {
    conditionalTotal++;
    if (c.roleplan === 'Conditional') {
      conditionalAnswers++;
      if (results.includes('Allowed') && results.some((r) => r !== 'Allowed')) {
        conditionalVaries++;
      }
    }
    if (sound(c.roleplan, results)) {
      conditionalSound++;
    } else {
      disagreements.push({ case: c, iamSimulate: results.join(' / ') });
    }
  } else {
    exactTotal++;
    if (results[0] === c.roleplan) {
      exactAgree++;
    } else {
      disagreements.push({ case: c, iamSimulate: results[0] });
    }
  }
}

const pct = (a, b) => (b === 0 ? '0.00' : ((100 * a) / b).toFixed(2));
console.log(`iam-simulate differential: ${exactAgree} of ${exactTotal} exact cases agree (${pct(exactAgree, exactTotal)}%); `
  + `${conditionalSound} of ${conditionalTotal} conditional cases sound; ${errors.length} rejected by iam-simulate`);
const counts = {};
for (const c of cases) counts[c.roleplan] = (counts[c.roleplan] || 0) + 1;
console.log('roleplan decisions: ' + Object.keys(counts).sort().map((k) => `${k} ${counts[k]}`).join(', '));
if (conditionalAnswers > 0) {
  console.log(`roleplan said Conditional ${conditionalAnswers} times; iam-simulate's answer really varied with the `
    + `condition key in ${conditionalVaries} of them (the rest depend on conditions that cancel out)`);
}

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
  console.log(describe(d.case));
}
if (errors.length > 0) {
  errors.sort((a, b) => a.case.size - b.case.size || a.case.id - b.case.id);
  const e = errors[0];
  console.log(`smallest case iam-simulate rejected (id ${e.case.id}): ${JSON.stringify(e.errors)}`);
  console.log(describe(e.case));
}
const passed = exactAgree + conditionalSound;
const failed = disagreements.length + errors.length;
console.log(`iam-simulate-diff: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
