// npm start: build the plugin and the playground admin, seed the demo once, serve on PORT (1337).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playground = path.join(root, 'playground');
const env = {
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  NODE_ENV: process.env.NODE_ENV ?? 'production',
};

const run = (label, cmd, args, cwd = root) => {
  console.log(`\n> ${label}`);
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (res.status !== 0) {
    console.error(`\n${label} failed (exit ${res.status}).`);
    process.exit(res.status ?? 1);
  }
};

run('Building the plugin', process.execPath, ['scripts/ensure-built.mjs']);
run('Building the playground admin', 'npx', ['strapi', 'build'], playground);
run('Seeding the demo', process.execPath, ['--import', 'tsx', 'playground/scripts/seed.ts']);
console.log(`\nServing the admin at http://localhost:${process.env.PORT ?? 1337}/admin`);
run('Starting Strapi', 'npx', ['strapi', 'start'], playground);
