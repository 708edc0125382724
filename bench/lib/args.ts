import { parseArgs } from 'node:util';
import type { Engine } from '../scenarios/types';

/** What one `npm run bench` invocation measures. */
export interface BenchOptions {
  quick: boolean;
  customers: number;
  events: number;
  engines: Engine[];
  /** Scenario names to run; empty means all. */
  only: string[];
  runs: number;
}

/** N and M of `--quick`: the whole run, both engines, stays under two minutes on 2 cores. */
export const QUICK = { customers: 10_000, events: 20_000 };
/** N and M without `--quick`. */
export const FULL = { customers: 100_000, events: 1_000_000 };

const count = (flag: string, text: string | undefined, fallback: number, min = 1) => {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${flag} must be a whole number >= ${min}, not "${text}"`);
  return value;
};

const ENGINES: Record<string, Engine[]> = {
  sqlite: ['sqlite'],
  postgres: ['postgres'],
  all: ['sqlite', 'postgres'],
};

/** Parses the runner's flags; unknown flags, engines or scenario names are errors. */
export const parseBenchArgs = (argv: string[], scenarioNames: string[]): BenchOptions => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      customers: { type: 'string' },
      events: { type: 'string' },
      engine: { type: 'string', default: 'all' },
      only: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  const sizes = values.quick ? QUICK : FULL;
  const engines = ENGINES[values.engine!];
  if (!engines) throw new Error(`--engine must be sqlite, postgres or all, not "${values.engine}"`);
  const only = (values.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !scenarioNames.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${scenarioNames.join(', ')}`);
  }
  return {
    quick: values.quick!,
    customers: count('--customers', values.customers, sizes.customers),
    events: count('--events', values.events, sizes.events, 0),
    engines,
    only,
    runs: count('--runs', values.runs, 3),
  };
};
