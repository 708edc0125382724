// npm start: build the plugin and the playground admin, seed the demo once, serve on PORT (1337)
// of 127.0.0.1 (HOST to change it). The secrets are generated into playground/.env on the first
// run and reused after (scripts/secrets.mjs); variables set in the environment win.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSecrets } from './secrets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playground = path.join(root, 'playground');
const env = {
  ...ensureSecrets(path.join(playground, '.env')),
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  HOST: process.env.HOST ?? '127.0.0.1',
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
const port = env.PORT ?? 1337;
console.log(
  env.HOST === '127.0.0.1'
    ? `\nServing the admin at http://localhost:${port}/admin (this machine only; HOST=0.0.0.0 opens it)`
    : `\nServing the admin on ${env.HOST}:${port}/admin`
);
run('Starting Strapi', 'npx', ['strapi', 'start'], playground);
