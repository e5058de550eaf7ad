// Validates action.yml against the GitHub Actions metadata schema, and every example workflow in the given
// Markdown files (fenced ```yaml blocks whose first line is "# .github/workflows/NAME.yml") against the
// workflow schema, with @action-validator/core (the library behind @action-validator/cli, pinned in
// package.json). Exits 1 on any error, and also when a Markdown file holds no workflow at all, so a
// renamed heading cannot turn the check into a silent pass.
import fs from "node:fs";
import * as validator from "@action-validator/core";

let failed = false;

function report(label, result) {
  if (result.errors.length > 0) {
    failed = true;
    console.error(`FAIL ${label}`);
    console.error(JSON.stringify(result.errors, null, 2));
  } else {
    console.log(`ok   ${label}`);
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs action.yml [docs.md ...]");
  process.exit(2);
}

for (const file of files) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    failed = true;
    console.error(`FAIL ${file}: cannot read it (${error.code ?? error.message})`);
    continue;
  }
  if (file.endsWith(".md")) {
    const blocks = [...text.matchAll(/^```ya?ml\n(# \.github\/workflows\/[^\n]+)\n([\s\S]*?)^```$/gm)];
    if (blocks.length === 0) {
      failed = true;
      console.error(`FAIL ${file}: no workflow blocks found`);
    }
    for (const [, heading, body] of blocks) {
      report(`${file}: ${heading.slice(2)}`, validator.validateWorkflow(`${heading}\n${body}`));
    }
  } else {
    report(file, validator.validateAction(text));
  }
}
process.exit(failed ? 1 : 0);
