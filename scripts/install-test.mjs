// npm run test:install: the plugin as a site developer gets it. Packs the plugin, refuses a
// tarball without a file the install needs (scripts/lib/pack-check.mjs), copies the fixture app
// tests/install/app (a fresh create-strapi-app@5.54.0 TypeScript app with one content type using
// the Audience field) to test-output/install/app, installs the tarball and `pg` into it (nothing
// else of this checkout), type-checks the docs' TypeScript snippets against it
// (scripts/lib/doc-snippets.mjs), builds it (TypeScript strict and the admin), then boots it with
// `npm run start` on SQLite and on PostgreSQL (DATABASE_HOST, DATABASE_PORT, DATABASE_USERNAME,
// DATABASE_PASSWORD; a fresh database each run) and drives it over HTTP
// (tests/install/scenario.mjs: admin, customers, a CSV import, a rule segment, tracking, a
// personalized REST read).
//   --sqlite-only   skip PostgreSQL          --keep   keep test-output/install afterwards
//   --docs-only     only the docs test, against an app a --keep run left installed
//   --reuse         skip pack, install and build: boot the app a --keep run left (to debug)
// Works under test-output/ (git-ignored), not /tmp: Strapi's plugin resolution broke under /tmp.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { installScenario } from '../tests/install/scenario.mjs';
import { repositorySnippets, typecheckSnippets } from './lib/doc-snippets.mjs';
import { packDirProblems } from './lib/pack-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test-output', 'install');
const app = path.join(work, 'app');
const args = process.argv.slice(2);
const started = Date.now();
const quiet = { STRAPI_TELEMETRY_DISABLED: 'true' };

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

const secret = () => randomBytes(16).toString('base64');
// What create-strapi-app writes into .env; the fixture keeps no .env.
const appEnv = {
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  SEGMENTS_IDENTITY_SECRET: secret(),
};

if (args.includes('--docs-only')) {
  checkDocs();
  process.exit(0);
}

if (!args.includes('--reuse')) installApp();

function installApp() {
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

  log('the fixture app (tests/install/app)');
  fs.cpSync(path.join(root, 'tests', 'install', 'app'), app, { recursive: true });

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
  const plugin = path.join(app, 'node_modules', 'strapi-plugin-segments');
  if (fs.lstatSync(plugin).isSymbolicLink() || path.relative(root, fs.realpathSync(plugin)) === '')
    fail('the app resolved strapi-plugin-segments to this checkout, not to the tarball');

  checkDocs();

  log('npm run build (TypeScript and the admin)');
  run('npm', ['run', 'build'], app, { ...appEnv, NODE_ENV: 'production' });
  if (!fs.readFileSync(path.join(app, 'dist', 'build', 'index.html'), 'utf8'))
    fail('no admin build');
}

const failed = (error) => fail(error.stack ?? String(error));
fs.rmSync(path.join(app, '.tmp'), { recursive: true, force: true }); // a fresh SQLite database
await bootAndAsk('sqlite', {
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: '.tmp/install.db',
}).catch(failed);
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
  const booted = await bootAndAsk('postgres', pgEnv).catch((error) => error);
  await sql(`DROP DATABASE IF EXISTS "${pgEnv.DATABASE_NAME}"`);
  if (booted) failed(booted);
}
if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
log('passed');

/** The docs test: README.md's and docs/*.md's TypeScript blocks compile against the app. */
function checkDocs() {
  const snippets = repositorySnippets(root);
  const checked = snippets.filter((s) => !s.skip).length;
  log(`docs test: type-checking ${checked} TypeScript snippets of README.md and docs/*.md`);
  if (!fs.existsSync(path.join(app, 'node_modules', '@strapi', 'strapi')))
    fail('the docs test needs the installed app: run npm run test:install -- --keep once');
  const errors = typecheckSnippets(root, app, snippets);
  if (errors.length > 0)
    fail(
      `a docs snippet does not compile (mark a fragment with <!-- docs-test: not standalone -->):\n  ${errors.join('\n  ')}`
    );
  log(
    `docs test: ${checked} snippets compile (${snippets.length - checked} marked not standalone)`
  );
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
      ...appEnv,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: port,
    },
  });
  let output = '';
  let failure = null;
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const problem = (msg) => {
    throw new Error(`${engine}: ${msg}`);
  };
  try {
    await waitFor(base, child);
    const admin = await fetch(`${base}/segments/customers`);
    if (admin.status !== 401) problem(`GET /segments/customers answered ${admin.status}, not 401`);
    const tracker = await fetch(`${base}/api/segments/tracker.js`);
    const body = await tracker.text();
    if (tracker.status !== 200 || !/javascript/.test(tracker.headers.get('content-type') ?? ''))
      problem(`GET /api/segments/tracker.js answered ${tracker.status}: ${body.slice(0, 200)}`);
    const panel = await fetch(`${base}/admin`);
    if (panel.status !== 200) problem(`GET /admin answered ${panel.status}`);
    await installScenario(base, {
      identitySecret: appEnv.SEGMENTS_IDENTITY_SECRET,
      log: (msg) => log(`${engine}: ${msg}`),
    });
    // eslint-disable-next-line no-control-regex
    if (/\] (\x1b\[\d+m)?error\b/i.test(output)) problem(`Strapi logged an error:\n${output}`);
    const mailNotes = output.split('are not emailed').length - 1;
    if (mailNotes !== 1)
      problem(`the log says ${mailNotes} times that reports are not emailed, not once:\n${output}`);
  } catch (error) {
    console.error(output);
    failure = error;
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
  if (failure) throw failure;
}

async function waitFor(base, child) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Strapi exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/_health`);
      if (res.status === 204 || res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Strapi did not answer within 180 s');
}
