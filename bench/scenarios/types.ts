import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { AdminClient } from '../../tests/helpers/users';

/** The database engines a scenario runs on. */
export type Engine = 'sqlite' | 'postgres';

/** Rows written in so many seconds (reported as rows/s). */
export interface Throughput {
  rows: number;
  seconds: number;
  /** A short fact next to the figure, such as the file size or the child rows written. */
  extra?: string;
  /** The peak RSS of the process that did the work, when that is not the worker (MB). */
  peakRssMb?: number;
}

/** Request latencies in milliseconds (reported as p95, with p50 beside it). */
export interface Latency {
  p50: number;
  p95: number;
  requests: number;
  extra?: string;
}

/** One operation's wall-clock time in seconds (reported as s). */
export interface Duration {
  seconds: number;
  extra?: string;
}

export type Measurement = Throughput | Latency | Duration;

/** True for a rows/s measurement. */
export const isThroughput = (m: Measurement): m is Throughput => 'rows' in m;

/** True for a p50/p95 measurement. */
export const isLatency = (m: Measurement): m is Latency => 'p95' in m;

/** The unit a measurement is reported in. */
export const unitOf = (m: Measurement): Scenario['unit'] =>
  isThroughput(m) ? 'rows/s' : isLatency(m) ? 'ms' : 's';

/** A customer of the loaded data set, for search requests that must find someone. */
export interface CustomerSample {
  email: string;
  phone: string;
  fullName: string;
}

/** The customers in the database: row ids in generation order and a few to search for. */
export interface LoadedCustomers {
  ids: number[];
  samples: CustomerSample[];
}

/** What a scenario may use in the worker process of one engine run. */
export interface BenchContext {
  engine: Engine;
  /** `--quick`: scenarios with a size of their own keep it small. */
  quick: boolean;
  /** N, the number of customers. */
  customers: number;
  /** M, the number of events. */
  events: number;
  /** A private temporary directory, removed after the run. */
  tmpDir: string;
  /** The playground Strapi on an empty database of this engine, booted on first use. */
  strapi(): Promise<Core.Strapi>;
  knex(): Promise<Knex>;
  /** An HTTP client logged in as the super admin. */
  admin(): Promise<AdminClient>;
  /** N customers in the database: the ones a scenario loaded before, or loaded now, untimed. */
  loadedCustomers(): Promise<LoadedCustomers>;
  hasCustomers(): boolean;
  /** Hands the customers a scenario loaded to the scenarios after it. */
  rememberCustomers(loaded: LoadedCustomers): void;
  /** M events over the customers in the database: loaded before, or loaded now, untimed. */
  loadedEvents(): Promise<number>;
  /** Tells the scenarios after this one that the M events are in the database. */
  rememberEvents(count: number): void;
  /** Tells the scenarios after this one that the customers and events are gone. */
  forgetData(): void;
  /** The import CSV of N rows, written once by the runner before the workers start. */
  csvFile(): Promise<CsvFile>;
}

/** A generated import CSV and what is in it. */
export interface CsvFile {
  path: string;
  rows: number;
  invalid: number;
  duplicate: number;
  bytes: number;
}

/** What a scenario needs ready before its measurement starts (prepared untimed, unsampled). */
export type Need = 'strapi' | 'customers' | 'events' | 'csv';

/**
 * What a scenario should reach on an engine, at the full size (1,000,000 customers, 10,000,000
 * events): its median at least or at most a value in the scenario's unit, and peak RSS below.
 */
export interface Target {
  atLeast?: number;
  atMost?: number;
  peakRssMbBelow?: number;
}

/** One named, measured thing that `npm run bench` runs on every engine. */
export interface Scenario {
  name: string;
  description: string;
  unit: 'rows/s' | 'ms' | 's';
  needs?: Need[];
  /** Targets per engine (see docs/benchmarks.md): the report says met or missed. */
  targets?: Partial<Record<Engine, Target>>;
  /**
   * Runs with the other scenarios of this name in a worker process of their own, on an empty
   * database: memory figures then start from a freshly booted Strapi.
   */
  worker?: string;
  run(ctx: BenchContext): Promise<Measurement>;
}
