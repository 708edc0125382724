import type { CsvFile, Engine, Measurement } from '../scenarios/types';

/** What the runner asks one worker process to do: the scenarios of one engine run. */
export interface WorkerJob {
  engine: Engine;
  /** 1-based run number, for progress lines. */
  run: number;
  runs: number;
  scenarios: string[];
  /** `--quick`: scenarios with sizes of their own keep them small. */
  quick: boolean;
  customers: number;
  events: number;
  /** The import CSV of N rows, when a scenario of the job needs it. */
  csv?: CsvFile;
  /** Where the worker writes its WorkerResult as JSON. */
  resultFile: string;
}

/** One scenario's outcome in one run: its measurement or why it failed, and memory. */
export interface ScenarioResult {
  name: string;
  measurement?: Measurement;
  error?: string;
  /** The worker's peak RSS while the scenario ran, in MB (see lib/rss.ts). */
  peakRssMb: number;
}

/** What a worker hands back to the runner. */
export interface WorkerResult {
  results: ScenarioResult[];
}

/** The environment variable that carries a WorkerJob to the worker. */
export const JOB_VARIABLE = 'SEGMENTS_BENCH_JOB';
