// The docs test: every TypeScript code block of README.md and docs/*.md (```ts, ```tsx,
// ```typescript) is type-checked, strict, against an installed app's node_modules (the install
// test's copy of tests/install/app, where @strapi/strapi and the plugin are installed), so a
// snippet a developer pastes compiles. A block preceded by the line NOT_STANDALONE is a piece of
// a larger file and is skipped. `next/*` imports resolve to tests/install/next-shims.d.ts (the
// few Next.js functions the docs use), since the app does not install Next.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Put this line right above a code block that does not compile on its own. */
export const NOT_STANDALONE = '<!-- docs-test: not standalone -->';

const FENCE = /^```(ts|tsx|typescript)\s*$/;

/** The TypeScript blocks of one Markdown text: `{ file, line, tsx, code, skip }`. */
export function extractSnippets(file, text) {
  const lines = text.split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(FENCE);
    if (!open) {
      if (/^```/.test(lines[i])) {
        // another language's block: skip to its end so its lines are not read as fences
        const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
        i = end < 0 ? lines.length : end;
      }
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`${file}:${i + 1}: a code block that is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    snippets.push({
      file,
      line: i + 2,
      tsx: open[1] === 'tsx',
      code: lines.slice(i + 1, end).join('\n'),
      skip: before >= 0 && lines[before].trim() === NOT_STANDALONE,
    });
    i = end;
  }
  return snippets;
}

/** README.md and docs/*.md of the repository at `root`. */
export function repositorySnippets(root) {
  const files = [
    'README.md',
    ...fs
      .readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  return files.flatMap((f) => extractSnippets(f, fs.readFileSync(path.join(root, f), 'utf8')));
}

/**
 * Type-checks the snippets in `dir` (inside `appDir`, which has typescript, @types/react and
 * @strapi/strapi installed). Returns the compiler's errors, each pointing at the Markdown file
 * and line; an empty list when every snippet compiles.
 */
export function typecheckSnippets(
  root,
  appDir,
  snippets,
  dir = path.join(appDir, '.docs-snippets')
) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(
    path.join(root, 'tests', 'install', 'next-shims.d.ts'),
    path.join(dir, 'next-shims.d.ts')
  );
  const origin = new Map();
  for (const s of snippets.filter((x) => !x.skip)) {
    const name = `${s.file.replace(/[^a-z0-9]+/gi, '-')}-${s.line}.${s.tsx ? 'tsx' : 'ts'}`;
    // `export {}` keeps each block a module of its own, so two blocks may both declare `res`.
    fs.writeFileSync(path.join(dir, name), `${s.code}\nexport {};\n`);
    origin.set(name, s);
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          esModuleInterop: true,
          types: ['node'],
          typeRoots: [path.join(appDir, 'node_modules', '@types')],
        },
        include: ['./*.ts', './*.tsx'],
      },
      null,
      2
    )
  );
  const tsc = path.join(appDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const res = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
  });
  // Gone before the app's own build, whose tsconfig would take the snippets in too.
  fs.rmSync(dir, { recursive: true, force: true });
  if (res.status === 0) return [];
  const errors = `${res.stdout}${res.stderr}`.split('\n').filter((l) => l.trim());
  return errors.map((l) => {
    const m = l.match(/^([^(]+)\((\d+),(\d+)\): (.*)$/);
    const s = m && origin.get(path.basename(m[1]));
    return s ? `${s.file}:${s.line + Number(m[2]) - 1}: ${m[4]}` : l;
  });
}
