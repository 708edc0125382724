import type { Knex } from 'knex';
import { secondConnectionReaches } from '../../database/worker-connection';
import { appModulePath, workerFile } from '../../utils/worker-files';
import type { ImportWorkerData } from './worker';

/**
 * The import worker's heap, in MB (old generation, young): a batch of 5,000 rows and its plan
 * live in well under half of it. In Strapi's heap, which V8 lets grow to several times its live
 * size before collecting, the same garbage took the process from 270 to 690 MB at 1M rows; here
 * the peak was 348 MB at 1M rows on SQLite (96 MB and the default young generation: 424 MB at
 * 200k rows, no faster; 48 MB and 4 MB: 349 MB at 1M rows, 16% slower).
 */
export const WORKER_HEAP_MB = { old: 64, young: 8 };

/**
 * The connection settings as a plain object, with what knex hides: knex makes `password`
 * non-enumerable so that it stays out of logs, and so out of every copy; a worker given a copy
 * connected to a PostgreSQL that checks passwords without one.
 */
export const withHiddenSettings = (connection: Record<string, unknown>) =>
  Object.fromEntries(Object.getOwnPropertyNames(connection).map((k) => [k, connection[k]]));

/** What a worker needs: its file, and knex with the settings of Strapi's connection. */
export type ImportThread = Pick<ImportWorkerData, 'knexPath' | 'config'> & { file: string };

/**
 * How an import can run in a worker thread on this database, or null where it can't and runs
 * in Strapi's thread instead: an in-memory SQLite database (no second connection sees it), a
 * connection set up by a function, or no worker file (running from the sources).
 */
export const importThread = (knex: Knex, client: string, schema?: string): ImportThread | null => {
  if (!secondConnectionReaches(knex, client)) return null;
  const file = workerFile('import-worker.js');
  const knexPath = appModulePath('knex');
  const config = knex.client.config as Knex.Config & { connection?: unknown };
  const connection = config.connection as Record<string, unknown> | undefined;
  if (!file || !knexPath || !connection || typeof connection !== 'object') return null;
  try {
    return {
      file,
      knexPath,
      config: {
        client: String(config.client),
        connection: structuredClone(withHiddenSettings(connection)),
        ...(schema && { searchPath: schema }),
      },
    };
  } catch {
    return null; // a setting that can't cross to a thread (a function)
  }
};
