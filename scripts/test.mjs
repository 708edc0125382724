// npm test: unit tests, then API tests against a booted playground Strapi.
//   --unit   unit tests only          --api   API tests only          --e2e   browser tests
//   --pg     API tests on PostgreSQL (DATABASE_HOST/PORT/USERNAME/PASSWORD, default 127.0.0.1:5432 strapi/strapi)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const pg = flag('--pg');
const e2e = flag('--e2e');
const runUnit = !pg && !e2e && !flag('--api');
const runApi = !e2e && !flag('--unit');

const find = (dir, test) => {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (entry.isDirectory()) out.push(...find(rel, test));
    else if (test(rel)) out.push(rel);
  }
  return out;
};

const run = (cmd, cmdArgs, env = {}) => {
  const res = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
};

const nodeTest = (files, env) =>
  run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], env);

if (runUnit) {
  const unit = ['contracts', 'server', 'admin', 'bench', 'scripts'].flatMap((d) =>
    find(d, (f) => f.includes(`${path.sep}__tests__${path.sep}`) && /\.test\.tsx?$/.test(f))
  );
  nodeTest(unit, {});
}

if (e2e) {
  run(process.execPath, ['scripts/ensure-built.mjs']);
  run(process.execPath, ['scripts/compile-playground.mjs']);
  // The in-process Strapi serves the admin panel built into playground/dist/build: rebuild it
  // when the plugin's admin bundle is newer (about 40 s).
  const builtAdmin = path.join(root, 'playground', 'dist', 'build', 'index.html');
  const pluginAdmin = path.join(root, 'dist', 'admin', 'index.mjs');
  if (
    !fs.existsSync(builtAdmin) ||
    fs.statSync(builtAdmin).mtimeMs < fs.statSync(pluginAdmin).mtimeMs
  ) {
    const res = spawnSync('npx', ['strapi', 'build'], {
      cwd: path.join(root, 'playground'),
      stdio: 'inherit',
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    });
    if (res.status !== 0) process.exit(res.status ?? 1);
  }
  nodeTest(
    find('tests/e2e', (f) => f.endsWith('.test.ts')),
    { DATABASE_CLIENT: 'sqlite' }
  );
}

if (runApi) {
  run(process.execPath, ['scripts/ensure-built.mjs']);
  run(process.execPath, ['scripts/compile-playground.mjs']);
  const api = ['tests/engine', 'tests/api'].flatMap((d) => find(d, (f) => f.endsWith('.test.ts')));
  nodeTest(api, pg ? { DATABASE_CLIENT: 'postgres' } : { DATABASE_CLIENT: 'sqlite' });
}
