// npm run test:install: the plugin as a site developer gets it. Packs the plugin, refuses a
// tarball without a file the install needs, makes a fresh TypeScript app with
// create-strapi-app@5.54.0, installs the tarball and `pg` (nothing else of this checkout),
// adds the `segments` key of docs/developer-guide.md to the app's config/plugins.ts, builds the
// app (TypeScript strict and the admin), then boots it with `npm run start` on SQLite and on
// PostgreSQL (DATABASE_HOST, DATABASE_PORT, DATABASE_USERNAME, DATABASE_PASSWORD; a fresh
// database each run) and asks over HTTP: an admin route answers 401 without a login, the
// content API's tracker.js answers 200.
//   --sqlite-only   skip PostgreSQL          --keep   keep test-output/install afterwards
// Works under test-output/ (git-ignored), not /tmp: Strapi's plugin resolution broke under /tmp.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packDirProblems } from './lib/pack-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test-output', 'install');
const app = path.join(work, 'app');
const args = process.argv.slice(2);
const started = Date.now();
const quiet = { STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true' };

const log = (msg) =>
  console.log(`[install-test ${Math.round((Date.now() - started) / 1000)}s] ${msg}`);
const fail = (msg) => {
  console.error(`\ninstall test FAILED: ${msg}`);
  process.exit(1);
};
const run = (cmd, cmdArgs, cwd, env = {}) => {
  const res = spawnSync(cmd, cmdArgs, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...quiet, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  if (res.status !== 0) {
    console.error(out);
    fail(`${cmd} ${cmdArgs.join(' ')} exited with ${res.status}`);
  }
  return out;
};

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

log('pack');
run(process.execPath, ['scripts/ensure-built.mjs'], root);
const [packed] = JSON.parse(
  run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)
);
const tarball = path.join(work, packed.filename);
const unpacked = path.join(work, 'unpacked');
fs.mkdirSync(unpacked);
run('tar', ['-xzf', tarball, '-C', unpacked], work);
const problems = packDirProblems(
  path.join(unpacked, 'package'),
  packed.files.map((f) => f.path)
);
if (problems.length > 0) fail(`the tarball is not whole:\n  ${problems.join('\n  ')}`);

log('create-strapi-app@5.54.0');
run(
  'npx',
  [
    '-y',
    'create-strapi-app@5.54.0',
    'app',
    ...['--typescript', '--no-run', '--skip-cloud', '--no-example', '--no-git-init'],
    ...['--use-npm', '--no-install', '--skip-db', '--non-interactive'],
  ],
  work
);

// One install of the app's dependencies, the tarball and pg (as the docs tell a PostgreSQL site).
log('npm install (the app, the tarball, pg)');
const installed = run(
  'npm',
  ['install', tarball, 'pg', '--prefer-offline', '--no-audit', '--no-fund'],
  app
);
const peerTrouble = installed.split('\n').filter((l) => /ERESOLVE|peer dep/i.test(l));
if (peerTrouble.length > 0)
  fail(`npm install reported peer dependencies:\n${peerTrouble.join('\n')}`);

log('config/plugins.ts from docs/developer-guide.md');
const pluginsFile = path.join(app, 'config', 'plugins.ts');
fs.writeFileSync(pluginsFile, addSegmentsKey(fs.readFileSync(pluginsFile, 'utf8')));

log('npm run build (TypeScript and the admin)');
run('npm', ['run', 'build'], app, { NODE_ENV: 'production' });
if (!fs.readFileSync(path.join(app, 'dist', 'build', 'index.html'), 'utf8')) fail('no admin build');

await bootAndAsk('sqlite', { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/install.db' });
if (!args.includes('--sqlite-only')) {
  const pgEnv = {
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
    DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
    DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'strapi',
    DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? 'strapi',
    DATABASE_NAME: `segments_install_${process.pid}_${Date.now()}`,
    DATABASE_SSL: 'false',
  };
  const { Client } = createRequire(path.join(app, 'package.json'))('pg');
  const admin = () =>
    new Client({
      host: pgEnv.DATABASE_HOST,
      port: Number(pgEnv.DATABASE_PORT),
      user: pgEnv.DATABASE_USERNAME,
      password: pgEnv.DATABASE_PASSWORD,
      database: 'postgres',
    });
  const sql = async (text) => {
    const client = admin();
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await sql(`CREATE DATABASE "${pgEnv.DATABASE_NAME}"`);
  try {
    await bootAndAsk('postgres', pgEnv);
  } finally {
    await sql(`DROP DATABASE IF EXISTS "${pgEnv.DATABASE_NAME}"`);
  }
}
if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
log('passed');

/** The `segments: { ... }` block of the guide's config/plugins.ts, added to the app's object. */
function addSegmentsKey(existing) {
  const guide = fs.readFileSync(path.join(root, 'docs', 'developer-guide.md'), 'utf8');
  const snippet = guide.split('`config/plugins.ts`')[1]?.match(/```ts\n([\s\S]*?)```/)?.[1];
  const block = snippet?.match(/^( {2})segments: \{\n[\s\S]*?^\1\},\n/m)?.[0];
  if (!block) fail('docs/developer-guide.md has no `segments: {` block in its config/plugins.ts');
  const end = existing.lastIndexOf('});');
  if (end < 0) fail('the fresh app config/plugins.ts has no `});` to add the key before');
  return `${existing.slice(0, end)}${block}${existing.slice(end)}`;
}

async function bootAndAsk(engine, env) {
  const port = String(20000 + Math.floor(Math.random() * 20000));
  log(`npm run start on ${engine}, port ${port}`);
  const child = spawn('npm', ['run', 'start'], {
    cwd: app,
    detached: true,
    env: {
      ...process.env,
      ...quiet,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: port,
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(base, child, () => output);
    const admin = await fetch(`${base}/segments/customers`);
    if (admin.status !== 401)
      fail(`${engine}: GET /segments/customers answered ${admin.status}, not 401`);
    const tracker = await fetch(`${base}/api/segments/tracker.js`);
    const body = await tracker.text();
    if (tracker.status !== 200 || !/javascript/.test(tracker.headers.get('content-type') ?? ''))
      fail(
        `${engine}: GET /api/segments/tracker.js answered ${tracker.status}: ${body.slice(0, 200)}`
      );
    const panel = await fetch(`${base}/admin`);
    if (panel.status !== 200) fail(`${engine}: GET /admin answered ${panel.status}`);
    if (/\[ERROR\]/.test(output)) fail(`${engine}: Strapi logged an error:\n${output}`);
    log(`${engine}: 401 on the admin route, 200 on tracker.js and /admin`);
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) =>
      child.exitCode === null ? child.once('exit', resolve) : resolve()
    );
  }
}

async function waitFor(base, child, output) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`Strapi exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${base}/_health`);
      if (res.status === 204 || res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`Strapi did not answer within 180 s:\n${output()}`);
}
