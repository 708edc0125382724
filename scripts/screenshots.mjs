#!/usr/bin/env node
// Copies the user guide's screenshots from the browser tests' output (test-output/e2e, written by
// saveScreenshot) into docs/images. `npm run screenshots` runs the browser tests first;
// `npm run screenshots -- --copy-only` copies what the last run left.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-output', 'e2e');
const to = path.join(root, 'docs', 'images');

/** The screenshots docs/user-guide.md shows (the 1440×900 runs), by the name the tests give. */
export const GUIDE_SCREENSHOTS = [
  'customer-profile',
  'bulk-delete-confirm',
  'import-report',
  'export-ready',
  'segment-builder',
  'segment-members',
  'segment-size',
  'segments-list',
  'segment-external',
  'merge-suggestions',
  'retention-pickers',
  'ab-test-no-results',
  'personalization-view-as',
];

if (!process.argv.includes('--copy-only')) {
  const run = spawnSync(process.execPath, ['scripts/test.mjs', '--e2e'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('The browser tests failed: the screenshots were not copied.');
    process.exit(run.status ?? 1);
  }
}

fs.mkdirSync(to, { recursive: true });
const missing = [];
for (const name of GUIDE_SCREENSHOTS) {
  const file = path.join(from, `${name}.png`);
  if (!fs.existsSync(file)) {
    missing.push(name);
    continue;
  }
  fs.copyFileSync(file, path.join(to, `${name}.png`));
  console.log(`docs/images/${name}.png`);
}
if (missing.length > 0) {
  console.error(`No screenshot from the tests for: ${missing.join(', ')}`);
  process.exit(1);
}
