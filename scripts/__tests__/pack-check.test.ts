import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script without declarations
import { packProblems, REQUIRED } from '../lib/pack-check.mjs';

// The package.json that is packed: its `exports` are the entries the fixture app loads.
const packageJson = fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8');

const texts: Record<string, string> = {
  'package.json': packageJson,
  'README.md': 'See [the guide](docs/developer-guide.md).',
  'dist/server/src/index.d.ts': "import { Customer } from '../../contracts/customers';",
  'dist/contracts/customers.d.ts': "import * as yup from 'yup';",
  'dist/admin/index.mjs': 'export { default } from "./index-Ab12.mjs";',
  'dist/admin/index.js': 'module.exports = require("./index-Cd34.js");',
  'dist/admin/index-Ab12.mjs': 'const App = () => import("./App-Ef56.mjs");',
};
const whole = [
  ...REQUIRED,
  'dist/contracts/customers.d.ts',
  'dist/admin/index-Ab12.mjs',
  'dist/admin/index-Cd34.js',
  'dist/admin/App-Ef56.mjs',
];
const problems = (files: string[], read = (f: string) => texts[f] ?? '') =>
  packProblems(files, read);

test('a tarball with every file the install needs has no problems', () => {
  assert.deepEqual(problems(whole), []);
});

test('a tarball without any one of the files the fixture app loads is refused by name', () => {
  const needed = [
    ...REQUIRED,
    // every entry of package.json's exports: strapi-server, strapi-admin and their types
    ...Object.values(JSON.parse(packageJson).exports as Record<string, unknown>)
      .flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object)))
      .filter((f: string) => !/\.tsx?$/.test(f) || f.endsWith('.d.ts'))
      .map((f: string) => path.posix.normalize(f)),
  ];
  for (const file of new Set(needed)) {
    const found = problems(whole.filter((f) => f !== file));
    assert.ok(
      found.some((p: string) => p.includes(file.replace(/^\.\//, ''))),
      `${file}: ${found.join('; ')}`
    );
  }
  assert.ok(
    problems(whole.filter((f) => f !== 'docs/developer-guide.md')).includes(
      'README.md links docs/developer-guide.md: not shipped'
    )
  );
});

test('a package.json exporting a file the tarball lacks is refused', () => {
  const pkg = JSON.parse(packageJson);
  pkg.exports['./extra'] = { require: './dist/extra.js' };
  const found = problems(whole, (f) =>
    f === 'package.json' ? JSON.stringify(pkg) : (texts[f] ?? '')
  );
  assert.deepEqual(found, ['package.json exports ./dist/extra.js: not shipped']);
});

test('an admin chunk the bundle imports but the tarball lacks is refused', () => {
  assert.deepEqual(problems(whole.filter((f) => f !== 'dist/admin/App-Ef56.mjs')), [
    'dist/admin/index-Ab12.mjs imports ./App-Ef56.mjs: not shipped',
  ]);
  assert.deepEqual(problems(whole.filter((f) => f !== 'dist/admin/index-Cd34.js')), [
    'dist/admin/index.js imports ./index-Cd34.js: not shipped',
  ]);
});

test('a declaration importing an unshipped contract is refused', () => {
  const found = problems(whole.filter((f) => f !== 'dist/contracts/customers.d.ts'));
  assert.deepEqual(found, [
    'dist/server/src/index.d.ts imports ../../contracts/customers: not shipped',
  ]);
});
