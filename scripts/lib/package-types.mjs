// The bundler's declarations (dist/server/src, dist/admin/src) import the shared contracts by
// their source path (`../../../contracts/x`), a folder the package does not ship. Emit the
// contracts' declarations into dist/contracts and point those imports there, so the shipped
// types resolve inside dist alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const IMPORT = /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g;

export function packageTypes(root) {
  const tsc = spawnSync(
    'npx',
    [
      'tsc',
      ...['--declaration', '--emitDeclarationOnly', '--skipLibCheck', '--strict'],
      ...['--target', 'ES2022', '--module', 'commonjs', '--moduleResolution', 'node'],
      ...['--rootDir', 'contracts', '--outDir', 'dist/contracts'],
      ...fs
        .readdirSync(path.join(root, 'contracts'), { recursive: true })
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => f.endsWith('.ts') && !f.includes('__tests__/'))
        .map((f) => `contracts/${f}`),
    ],
    { cwd: root, stdio: 'inherit' }
  );
  if (tsc.status !== 0) return false;
  const contracts = path.join(root, 'contracts');
  const target = path.join(root, 'dist', 'contracts');
  for (const dir of ['dist/server/src', 'dist/admin/src']) {
    for (const file of walk(path.join(root, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      const next = text.replace(IMPORT, (whole, lead, quote, spec) => {
        const resolved = path.resolve(path.dirname(file), spec);
        const inside = path.relative(contracts, resolved);
        if (inside.startsWith('..') || path.isAbsolute(inside)) return whole;
        let rel = path.relative(path.dirname(file), path.join(target, inside));
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return `${lead}${quote}${rel.split(path.sep).join('/')}${quote}`;
      });
      if (next !== text) fs.writeFileSync(file, next);
    }
  }
  return true;
}

export function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.d.ts')) yield full;
  }
}
