import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  extractSnippets,
  NOT_STANDALONE,
  repositorySnippets,
  typecheckSnippets,
  // @ts-expect-error: a plain .mjs script without declarations
} from '../lib/doc-snippets.mjs';

const root = path.resolve(__dirname, '..', '..');

const markdown = [
  '# Guide', // 1
  '```ts', // 2
  "const a: string = 'a';", // 3
  '```', // 4
  '```bash', // 5
  '```ts (not a fence inside a bash block)', // 6
  '```', // 7
  NOT_STANDALONE, // 8
  '', // 9
  '```tsx', // 10
  'pool: { afterCreate }', // 11
  '```', // 12
  '```typescript', // 13
  'const b: number = 1;', // 14
  '```', // 15
].join('\n');

test('the docs test reads every TypeScript block with its line, and skips the marked ones', () => {
  const found = extractSnippets('docs/guide.md', markdown);
  assert.deepEqual(
    found.map((s: { line: number; tsx: boolean; skip: boolean; code: string }) => [
      s.line,
      s.tsx,
      s.skip,
      s.code,
    ]),
    [
      [3, false, false, "const a: string = 'a';"],
      [11, true, true, 'pool: { afterCreate }'],
      [14, false, false, 'const b: number = 1;'],
    ]
  );
});

test('the docs test finds the snippets of README.md and docs/*.md, the developer guide among them', () => {
  const files = new Set(repositorySnippets(root).map((s: { file: string }) => s.file));
  assert.ok(files.has('README.md'));
  assert.ok(files.has('docs/developer-guide.md'));
});

test('a snippet that does not compile is reported at its Markdown file and line', () => {
  const snippets = extractSnippets(
    'docs/guide.md',
    [
      '```ts',
      "import type { Core } from '@strapi/strapi';",
      "const ok = ({ env }: Core.Config.Shared.ConfigParams) => env('X');",
      '```',
      '```ts',
      'export default ({ env }) => ({ segments: { enabled: env.bool("S", true) } });',
      '```',
    ].join('\n')
  );
  const errors = typecheckSnippets(
    root,
    root,
    snippets,
    path.join(root, 'test-output', 'docs-snippets-unit')
  );
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /^docs\/guide\.md:6: error TS7031: Binding element 'env' implicitly/);
});
