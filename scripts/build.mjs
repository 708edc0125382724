// npm run build: the plugin's admin and server bundles. `strapi-plugin build` exits 0 even when
// the build fails, which would leave an old bundle in place silently: check both are new.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageTypes } from './lib/package-types.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const res = spawnSync('npx', ['strapi-plugin', 'build'], { cwd: root, stdio: 'inherit' });
// Worker threads run files of their own, bundled beside the server bundle under the names the
// runtime looks for (utils/worker-files.ts): the SQLite export's (started by
// server/src/csv/export/sqlite.ts) and the import's (started by services/import-runner.ts). The
// database drivers and knex are the app's, required by the paths the main thread resolves.
const WORKER_ENTRIES = {
  'export-sqlite-worker': 'server/src/csv/export/sqlite-worker.ts',
  'import-worker': 'server/src/csv/import/worker.ts',
};
const WORKERS = Object.keys(WORKER_ENTRIES);
const workers = WORKERS.map((name) =>
  res.status === 0
    ? spawnSync(
        'npx',
        [
          'esbuild',
          WORKER_ENTRIES[name],
          '--bundle',
          '--platform=node',
          '--target=node20',
          '--format=cjs',
          '--external:better-sqlite3',
          '--external:knex',
          '--external:pg',
          '--log-level=warning',
          `--outfile=dist/server/${name}.js`,
        ],
        { cwd: root, stdio: 'inherit' }
      )
    : res
);
// Only once the bundles are whole: the declarations then import the contracts from dist.
const typesOk = res.status === 0 && workers.every((w) => w.status === 0) && packageTypes(root);
const bundles = [
  'dist/server/index.js',
  'dist/admin/index.js',
  ...WORKERS.map((name) => `dist/server/${name}.js`),
].map((f) => path.join(root, f));
const stale = bundles.filter((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs < started - 1000);
if (!typesOk || stale.length > 0) {
  console.error(
    `\nThe plugin build failed: ${stale.map((f) => path.relative(root, f)).join(', ') || 'see above'} not written.`
  );
  process.exit(1);
}
