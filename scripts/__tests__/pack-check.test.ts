import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script without declarations
import { packProblems, REQUIRED } from '../lib/pack-check.mjs';

const texts: Record<string, string> = {
  'README.md': 'See [the guide](docs/developer-guide.md).',
  'dist/server/src/index.d.ts': "import { Customer } from '../../contracts/customers';",
  'dist/contracts/customers.d.ts': "import * as yup from 'yup';",
};
const whole = [...REQUIRED, 'dist/contracts/customers.d.ts'];
const problems = (files: string[]) => packProblems(files, (f: string) => texts[f] ?? '');

test('a tarball with every file the install needs has no problems', () => {
  assert.deepEqual(problems(whole), []);
});

test('a tarball without the server bundle, the licence or the docs is refused by name', () => {
  const missing = ['dist/server/index.js', 'LICENSE', 'docs/developer-guide.md'];
  const found = problems(whole.filter((f) => !missing.includes(f)));
  for (const file of missing)
    assert.ok(
      found.some((p: string) => p.startsWith(file)),
      file
    );
  assert.ok(
    found.some((p: string) => p === 'README.md links docs/developer-guide.md: not shipped')
  );
});

test('a declaration importing an unshipped contract is refused', () => {
  const found = problems(whole.filter((f) => f !== 'dist/contracts/customers.d.ts'));
  assert.deepEqual(found, [
    'dist/server/src/index.d.ts imports ../../contracts/customers: not shipped',
  ]);
});
