import fs from 'fs';
import path from 'path';
import type { Knex } from 'knex';
import type { ImportWorkerData } from './import-worker';

/** The import worker's file beside the server bundle; absent when running from the sources. */
export const IMPORT_WORKER_FILE =
  typeof __dirname === 'string' ? path.join(__dirname, 'import-worker.js') : undefined;

/**
 * The import worker's heap, in MB (old generation, young): a batch of 5,000 rows and its plan
 * live in well under half of it. In Strapi's heap, which V8 lets grow to several times its live
 * size before collecting, the same garbage took the process from 270 to 690 MB at 1M rows; here
 * the peak was 348 MB at 1M rows on SQLite (96 MB and the default young generation: 424 MB at
 * 200k rows, no faster; 48 MB and 4 MB: 349 MB at 1M rows, 16% slower).
 */
export const WORKER_HEAP_MB = { old: 64, young: 8 };

/** What a worker needs to reach Strapi's database: knex, and its connection settings. */
export type ImportThread = Pick<ImportWorkerData, 'knexPath' | 'config'>;

/** knex as the app resolves it (Strapi's), else as this bundle does. */
const knexPath = () => {
  for (const paths of [[process.cwd()], undefined]) {
    try {
      return require.resolve('knex', paths ? { paths } : undefined);
    } catch {
      // next
    }
  }
  return undefined;
};

/**
 * How an import can run in a worker thread on this database, or null where it can't and runs
 * in Strapi's thread instead: an in-memory SQLite database (no second connection sees it), a
 * connection set up by a function, or no worker file (running from the sources).
 */
export const importThread = (knex: Knex, client: string, schema?: string): ImportThread | null => {
  if (!IMPORT_WORKER_FILE || !fs.existsSync(IMPORT_WORKER_FILE)) return null;
  if (client !== 'sqlite' && client !== 'postgres') return null;
  const config = knex.client.config as Knex.Config & { connection?: unknown };
  const connection = config.connection as Record<string, unknown> | undefined;
  if (!connection || typeof connection !== 'object') return null;
  const file = connection.filename;
  if (
    client === 'sqlite' &&
    (typeof file !== 'string' || file === ':memory:' || file.startsWith('file::memory:'))
  )
    return null;
  const found = knexPath();
  if (!found) return null;
  try {
    return {
      knexPath: found,
      config: {
        client: String(config.client),
        connection: structuredClone(connection),
        ...(schema && { searchPath: schema }),
      },
    };
  } catch {
    return null; // a setting that can't cross to a thread (a function)
  }
};
