'use strict';
// Builds the differential corpus and runs HashiCorp's parser over it.
//
//   node hcl2json.js OUT_DIR FIXTURE.tf...
//
// Copies every fixture into OUT_DIR/files, adds mutants of each (deleted brace, deleted quote, deleted
// operator, deleted bracket, truncation; six of each per fixture, two for one-line
// cases) chosen by a fixed-seed PRNG so every run builds the same corpus,
// parses each file with @cdktf/hcl2json (HashiCorp's Go HCL parser compiled to WebAssembly) and writes one
// JSON line per file to OUT_DIR/hcl2json.jsonl: {file, ok, json} or {file, ok: false, stage, error}.
const fs = require('fs');
const path = require('path');

const SEED = 20261122;
// small one-case files (quirks/) need fewer mutants than the realistic fixtures
const mutantsPerKind = (text) => (text.length < 200 ? 2 : 6);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const KINDS = {
  brace: (c) => c === '{' || c === '}',
  quote: (c) => c === '"',
  operator: (c) => '=+-*/%<>!&|?:,'.includes(c),
  bracket: (c) => '[]()'.includes(c),
};

function positions(text, pred) {
  const out = [];
  for (let i = 0; i < text.length; i++) if (pred(text[i])) out.push(i);
  return out;
}

function mutants(name, text) {
  const rand = mulberry32(SEED ^ hash(name));
  const out = [];
  for (const [kind, pred] of Object.entries(KINDS)) {
    const at = positions(text, pred);
    for (let n = 0; n < mutantsPerKind(text) && at.length > 0; n++) {
      const i = at[Math.floor(rand() * at.length)];
      out.push({ suffix: `${kind}-${n}-at${i}`, text: text.slice(0, i) + text.slice(i + 1) });
    }
  }
  for (let n = 0; n < mutantsPerKind(text); n++) {
    const i = Math.floor(rand() * text.length);
    out.push({ suffix: `truncate-${n}-at${i}`, text: text.slice(0, i) });
  }
  return out;
}

function loadParser() {
  // A fresh module instance: a Go panic inside the WebAssembly ends that instance for good.
  for (const key of Object.keys(require.cache)) {
    if (key.includes(`${path.sep}@cdktf${path.sep}hcl2json${path.sep}`)) delete require.cache[key];
  }
  return require('@cdktf/hcl2json');
}

async function main() {
  const [outDir, ...fixtures] = process.argv.slice(2);
  if (!outDir || fixtures.length === 0) {
    console.error('usage: node hcl2json.js OUT_DIR FIXTURE.tf...');
    process.exit(2);
  }
  const filesDir = path.join(outDir, 'files');
  fs.rmSync(filesDir, { recursive: true, force: true });
  fs.mkdirSync(filesDir, { recursive: true });

  const corpus = [];
  for (const fixture of fixtures.sort()) {
    const text = fs.readFileSync(fixture, 'utf8');
    const base = fixture.replace(/^.*testdata\/hcl\//, '').replace(/[\/]/g, '__').replace(/\.tf$/, '');
    corpus.push({ name: `${base}.tf`, text, mutant: false });
    for (const m of mutants(base, text)) corpus.push({ name: `${base}.mutant-${m.suffix}.tf`, text: m.text, mutant: true });
  }

  let hcl2json = loadParser();
  const lines = [];
  for (const entry of corpus) {
    const file = path.join(filesDir, entry.name);
    fs.writeFileSync(file, entry.text);
    let record;
    try {
      const json = await hcl2json.parse(entry.name, entry.text);
      record = { file: entry.name, mutant: entry.mutant, ok: true, json };
    } catch (e) {
      const error = String(e && e.message ? e.message : e);
      const stage = error.includes('parse config') ? 'parse' : 'convert';
      record = { file: entry.name, mutant: entry.mutant, ok: false, stage, error };
      if (/exited|panic|unreachable/i.test(error)) hcl2json = loadParser();
    }
    lines.push(JSON.stringify(record));
  }
  fs.writeFileSync(path.join(outDir, 'hcl2json.jsonl'), lines.join('\n') + '\n');
  const rejected = lines.filter((l) => l.includes('"ok":false')).length;
  console.log(`hcl2json: ${corpus.length} files (${corpus.filter((c) => c.mutant).length} mutants), ${rejected} rejected`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
