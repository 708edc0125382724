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
}

/** Request latencies in milliseconds (reported as p95, with p50 beside it). */
export interface Latency {
  p50: number;
  p95: number;
  requests: number;
  extra?: string;
}

export type Measurement = Throughput | Latency;

/** True for a rows/s measurement. */
export const isThroughput = (m: Measurement): m is Throughput => 'rows' in m;

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
}

/** What a scenario needs ready before its measurement starts (prepared untimed, unsampled). */
export type Need = 'strapi' | 'customers';

/** One named, measured thing that `npm run bench` runs on every engine. */
export interface Scenario {
  name: string;
  description: string;
  unit: 'rows/s' | 'ms';
  needs?: Need[];
  run(ctx: BenchContext): Promise<Measurement>;
}
