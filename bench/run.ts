// npm run bench [-- --quick] [--customers N] [--events M] [--engine sqlite|postgres|all]
//                  [--only name1,name2] [--runs 3]
// Runs every scenario on every engine, each run in a worker process of its own, then rewrites
// docs/benchmarks.md (keeping its notes section).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type BenchOptions } from './lib/args';
import { writeCustomersCsv } from './generate-csv';
import { runWorker } from './lib/child';
import { readEnvironment, ROOT } from './lib/environment';
import { workerGroups } from './lib/groups';
import { postgresEnv, postgresSettings, probePostgres } from './lib/postgres';
import type { ScenarioResult } from './lib/protocol';
import { notesOf, renderReport, renderTable, type EngineTable } from './lib/report';
import { summarize } from './lib/summary';
import { isTargetSize } from './lib/targets';
import { SCENARIOS } from './scenarios';
import type { CsvFile, Engine, Scenario } from './scenarios/types';

/** The commit measured, and whether the tree had changes besides this report. */
const measuredCommit = () => {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', '.', ':!docs/benchmarks.md');
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
};

const REPORT = path.join(ROOT, 'docs', 'benchmarks.md');

/** How this run was started, for the report. */
const commandLine = (argv: string[]) => {
  const args = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ');
  if (process.env.npm_lifecycle_event === 'bench')
    return args ? `npm run bench -- ${args}` : 'npm run bench';
  return `node --import tsx bench/run.ts${args ? ` ${args}` : ''}`;
};

/** The plugin built and the playground compiled, as scripts/test.mjs does before booting Strapi. */
const buildPlayground = () => {
  for (const script of ['scripts/ensure-built.mjs', 'scripts/compile-playground.mjs']) {
    try {
      execFileSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    } catch {
      throw new Error(`node ${script} failed (see above): nothing was measured`);
    }
  }
};

/** The import CSV of N rows, written once for every worker that imports it (not timed). */
const writeImportCsv = async (rows: number): Promise<CsvFile> => {
  const file = path.join(os.tmpdir(), `segments-bench-${process.pid}-customers.csv`);
  const started = performance.now();
  const summary = await writeCustomersCsv(file, { rows });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote the import CSV (${rows} rows, ${(summary.bytes / 1e6).toFixed(1)} MB) in ${seconds} s`
  );
  return { path: file, ...summary };
};

const runEngine = async (
  engine: Engine,
  options: BenchOptions,
  scenarios: readonly Scenario[],
  csv?: CsvFile
) => {
  const runs: ScenarioResult[][] = [];
  for (let run = 1; run <= options.runs; run++) {
    const results: ScenarioResult[] = [];
    for (const group of workerGroups(scenarios)) {
      const job = {
        engine,
        run,
        runs: options.runs,
        scenarios: group.map((s) => s.name),
        quick: options.quick,
        customers: options.customers,
        events: options.events,
        csv,
      };
      const env = {
        DATABASE_CLIENT: engine,
        ...postgresEnv(postgresSettings()),
        // tracking-ingest sends thousands of events a second from one loopback IP.
        SEGMENTS_TRACKING_PER_IP: '100000000',
        SEGMENTS_TRACKING_PER_VISITOR: '100000000',
      };
      try {
        results.push(...(await runWorker(job, env)).results);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[${engine} ${run}/${options.runs}] ${message}`);
        results.push(...group.map((s) => ({ name: s.name, error: message, peakRssMb: NaN })));
      }
    }
    runs.push(results);
  }
  return summarize(scenarios, runs, engine, isTargetSize(options.customers, options.events));
};

const main = async () => {
  const started = performance.now();
  const commit = measuredCommit();
  const argv = process.argv.slice(2);
  const options = parseBenchArgs(
    argv,
    SCENARIOS.map((s) => s.name)
  );
  const scenarios = SCENARIOS.filter(
    (s) => options.only.length === 0 || options.only.includes(s.name)
  );
  const env = readEnvironment();
  const pg = postgresSettings();
  const probe = await probePostgres(pg);
  const building = performance.now();
  if (scenarios.some((s) => s.needs?.length)) buildPlayground();
  const buildSeconds = (performance.now() - building) / 1000;

  const csv = scenarios.some((s) => s.needs?.includes('csv'))
    ? await writeImportCsv(options.customers)
    : undefined;
  const tables: EngineTable[] = [];
  try {
    for (const engine of options.engines) {
      if (engine === 'postgres' && 'error' in probe) {
        const skipped = `skipped: no PostgreSQL at ${pg.host}:${pg.port} (${probe.error})`;
        console.error(skipped);
        tables.push({ engine, skipped, rows: [] });
      } else {
        tables.push({ engine, rows: await runEngine(engine, options, scenarios, csv) });
      }
    }
  } finally {
    if (csv) fs.rmSync(csv.path, { force: true });
  }

  const report = renderReport(
    {
      env,
      postgres: 'version' in probe ? probe.version : `not reachable at ${pg.host}:${pg.port}`,
      customers: options.customers,
      events: options.events,
      runs: options.runs,
      command: commandLine(argv),
      commit,
      seconds: (performance.now() - started) / 1000,
      buildSeconds,
      loadAtEnd: os.loadavg()[0],
      scenarios,
      tables,
    },
    notesOf(fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : null)
  );
  fs.writeFileSync(REPORT, report);
  console.log(`\n${tables.map(renderTable).join('\n\n')}\n\nWrote ${path.relative(ROOT, REPORT)}`);
  const failed = tables.some((t) => t.rows.some((r) => r.median === undefined));
  process.exitCode = failed ? 1 : 0;
};

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
