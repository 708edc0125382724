import type { Engine, Scenario } from '../scenarios/types';
import type { Environment } from './environment';
import type { SummaryRow } from './summary';

/** Everything after this line of docs/benchmarks.md is kept when the runner rewrites the file. */
export const NOTES_MARKER = '<!-- notes -->';

const DEFAULT_NOTES = `${NOTES_MARKER}
## Notes

Written by people, kept across rewrites: what the figures mean, bigger runs, regressions.
`;

/** One engine's table: its rows, or why it did not run. */
export interface EngineTable {
  engine: Engine;
  skipped?: string;
  rows: SummaryRow[];
}

/** What the report says. */
export interface ReportInput {
  env: Environment;
  postgres: string;
  customers: number;
  events: number;
  runs: number;
  command: string;
  /** `git describe`-like: the commit measured, with "+ changes" when the tree was not clean. */
  commit: string;
  seconds: number;
  /** Of which building the plugin and compiling the playground. */
  buildSeconds: number;
  /** 1-minute load average when the run ended. */
  loadAtEnd: number;
  scenarios: readonly Scenario[];
  tables: EngineTable[];
}

const TITLE: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const mb = (n?: number) => (n === undefined ? '' : int(n));

/** The notes section of an existing report (from the marker on), or a fresh one. */
export const notesOf = (existing: string | null): string => {
  const at = existing?.indexOf(NOTES_MARKER) ?? -1;
  return at >= 0 ? existing!.slice(at) : DEFAULT_NOTES;
};

/** One engine's markdown table. */
export const renderTable = ({ engine, skipped, rows }: EngineTable) => {
  const head = [
    `## ${TITLE[engine]}`,
    '',
    '| scenario | median | unit | rows/s, p50 / p95 or runs | peak RSS MB | target |',
    '|---|---:|---|---|---:|---|',
  ];
  if (skipped) return [...head, `| all | | | ${cell(skipped)} | | |`].join('\n');
  const lines = rows.map((r) => {
    const value =
      r.median === undefined
        ? 'failed'
        : r.unit === 'rows/s'
          ? int(r.median)
          : r.median.toFixed(r.unit === 's' ? 2 : 1);
    const target = cell(r.target ?? '');
    return `| ${r.name} | ${value} | ${r.unit} | ${cell(r.detail)} | ${mb(r.peakRssMb)} | ${target} |`;
  });
  return [...head, ...lines].join('\n');
};

/** Whether the load average says the run shared its CPU (it misses the middle of a run). */
const loadNote = (load: number, cores: number) =>
  load > cores
    ? `above ${cores}: other processes competed for the CPU`
    : `at most ${cores} at start and end: little else ran then`;

/** Said plainly above the tables: which run they are, so a reader does not take them as current. */
export const runSummary = (input: ReportInput): string => {
  const load = Math.max(input.env.loadAtStart, input.loadAtEnd);
  const ran = input.tables.filter((t) => !t.skipped).map((t) => TITLE[t.engine]);
  const engines = ran.length === 1 ? `${ran[0]} only` : ran.join(' and ');
  const machine = load > input.env.cores ? 'a loaded machine' : 'a quiet machine';
  const size =
    input.customers >= 1_000_000 && input.events >= 10_000_000
      ? "the targets' size"
      : "below the targets' size of 1,000,000 customers and 10,000,000 events";
  return [
    `**The tables below are one run, not the current state:** ${engines}, on ${input.env.date},`,
    `on ${machine} (load average up to ${load.toFixed(2)} on ${input.env.cores} cores), at`,
    `${int(input.customers)} customers and ${int(input.events)} events (${size}). Later`,
    'measurements, and what changed since, are in the dated session notes under [Notes](#notes).',
  ].join('\n');
};

/** The whole of docs/benchmarks.md: header, one table per engine, scenario list, then notes. */
export const renderReport = (input: ReportInput, notes: string): string => {
  const { env } = input;
  return `# Benchmarks

${runSummary(input)}

Written by \`npm run bench\` (bench/run.ts): everything above the notes marker is rewritten on each
run. Each scenario ran ${input.runs} times per engine, each run in a fresh worker process on an empty
database; the median is shown, with every run's figure beside it.

| | |
|---|---|
| Date | ${env.date} |
| Machine | ${cell(env.cpu)}, ${env.cores} cores, ${env.memoryGb.toFixed(1)} GB memory |
| Node | ${env.node} |
| Strapi | ${env.strapi} |
| better-sqlite3 | ${env.betterSqlite3} (SQLite ${env.sqlite}) |
| PostgreSQL | ${cell(input.postgres)} |
| Customers (N) | ${int(input.customers)} |
| Events (M) | ${int(input.events)} |
| Commit | ${input.commit} |
| Command | \`${input.command}\` |
| Load average (1 min) | ${input.env.loadAtStart.toFixed(2)} at start, ${input.loadAtEnd.toFixed(2)} at end (${loadNote(Math.max(input.env.loadAtStart, input.loadAtEnd), env.cores)}) |
| Duration | ${Math.round(input.seconds)} s in total, of which ${Math.round(input.buildSeconds)} s building the plugin and compiling the playground |

${input.tables.map(renderTable).join('\n\n')}

*peak RSS*: the worker's \`process.resourceUsage().maxRSS\` after the scenario, its high-water mark
reset just before it (Linux \`/proc/self/clear_refs\`, after a forced GC), highest of the runs. It
is the scenario's own peak, on top of what the worker already held: Strapi itself (about 250 MB)
once booted, and the sample customers kept for the searches. (Without /proc, RSS is sampled every
10 ms instead, which misses peaks while the event loop is busy.)

*target*: what the scenario should reach at 1,000,000 customers and 10,000,000 events; judged
(met / missed) only in a run of at least that size, shown as a goal otherwise.

## Scenarios

${input.scenarios.map((s) => `- \`${s.name}\` (${s.unit}): ${s.description}`).join('\n')}

${notes.trimEnd()}
`;
};
