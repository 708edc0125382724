import type { Knex } from 'knex';
import { isSqlite } from './prepared';

/**
 * Rows an import commits per transaction. On SQLite each commit writes every page the batch
 * dirtied to the log and often checkpoints it, so fewer, larger batches write each hot index
 * page once for more rows; PostgreSQL gains little from larger ones, and holds two statements'
 * arrays in flight.
 */
export const importBatchRows = (knex: Knex) => (isSqlite(knex) ? 5000 : 2500);

/**
 * Before the import worker's own connection writes a batch: on SQLite, which has one writer at
 * a time, takes Strapi's only connection so that no transaction of Strapi's is open meanwhile (a
 * deferred transaction that had read before the worker committed would fail on its first
 * write); answers the connection to release after the batch. Other engines write concurrently:
 * nothing is held (undefined).
 */
export const holdForWorkerWrite = async (knex: Knex): Promise<unknown> =>
  isSqlite(knex) ? knex.client.acquireConnection() : undefined;
