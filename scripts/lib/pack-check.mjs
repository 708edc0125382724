// What a site needs from the tarball: the entry points Strapi loads (every `exports` target of
// package.json), the worker bundles, the chunks the bundles import, the docs the README links,
// the licence, and type declarations whose relative imports resolve to files that are shipped
// too. tests/install/app installs exactly this tarball, so each file here is one it uses. Returns a list of problems (empty when the package is whole).
import fs from 'node:fs';
import path from 'node:path';

export const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/server/index.js',
  'dist/server/index.mjs',
  'dist/server/import-worker.js',
  'dist/server/export-sqlite-worker.js',
  'dist/admin/index.js',
  'dist/admin/index.mjs',
  'dist/server/src/index.d.ts',
  'dist/admin/src/index.d.ts',
  'docs/developer-guide.md',
  'docs/user-guide.md',
];

const IMPORT = /(?:from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\1/g;
// Relative imports and requires of the bundles: the admin entry loads its chunks this way.
const JS_IMPORT = /(?:from\s*|import\(\s*|require\(\s*)(['"])(\.{1,2}\/[^'"]*)\1/g;

/** Every file `exports` of package.json points at (the entries Strapi and its admin build load). */
const exportTargets = (exports) =>
  typeof exports === 'string'
    ? [exports]
    : Object.values(exports ?? {}).flatMap((v) => exportTargets(v));

const LINK = /\]\((docs\/[^)#\s]+)/g;

/** `files`: paths inside the package; `read(file)`: its text. */
export function packProblems(files, read) {
  const shipped = new Set(files);
  const problems = REQUIRED.filter((f) => !shipped.has(f)).map((f) => `${f} is not in the tarball`);
  for (const file of files.filter((f) => f.endsWith('.d.ts'))) {
    for (const [, , spec] of read(file).matchAll(IMPORT)) {
      const base = path.posix.join(path.posix.dirname(file), spec);
      const candidates = [`${base}.d.ts`, `${base}/index.d.ts`, base.replace(/\.js$/, '.d.ts')];
      if (!candidates.some((c) => shipped.has(c)))
        problems.push(`${file} imports ${spec}: not shipped`);
    }
  }
  if (shipped.has('package.json')) {
    for (const target of exportTargets(JSON.parse(read('package.json')).exports)) {
      const file = path.posix.normalize(target);
      // `source` points at the TypeScript sources, which only a checkout has.
      if (/\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts')) continue;
      if (!shipped.has(file)) problems.push(`package.json exports ${target}: not shipped`);
    }
  }
  for (const file of files.filter((f) => /^dist\/.*\.(m?js)$/.test(f))) {
    for (const [, , spec] of read(file).matchAll(JS_IMPORT)) {
      const target = path.posix.join(path.posix.dirname(file), spec);
      if (![target, `${target}.js`, `${target}/index.js`].some((c) => shipped.has(c)))
        problems.push(`${file} imports ${spec}: not shipped`);
    }
  }
  if (shipped.has('README.md')) {
    for (const [, link] of read('README.md').matchAll(LINK)) {
      if (!shipped.has(link)) problems.push(`README.md links ${link}: not shipped`);
    }
  }
  return problems;
}

/** The same check on an unpacked package directory. */
export function packDirProblems(dir, files) {
  return packProblems(files, (f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}
