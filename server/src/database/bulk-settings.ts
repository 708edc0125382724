import type { Knex } from 'knex';
import { withConnection } from './prepared';

interface SqlitePragmas {
  pragma(source: string, options?: { simple?: boolean }): unknown;
}

const CACHE_KB = 32768;
const CHECKPOINT_PAGES = 10000;

/**
 * Runs a bulk write (an import) with SQLite settings made for it, set back afterwards: a page
 * cache of 32 MB instead of better-sqlite3's 16 MB (at a million customers the indexes of
 * emails, tags, terms and name tokens are far larger, and each insert read its pages again; 200k
 * rows: 16.2k rows/s against 14.6k, 64 MB gained nothing more), and a checkpoint every
 * 10,000 pages of write-ahead log instead of 1,000 (a hot index page is copied to the database
 * once per checkpoint, not once per batch). Other engines: `work` as it is.
 */
export const withBulkWriteSettings = async <T>(knex: Knex, work: () => Promise<T>): Promise<T> => {
  if (!/sqlite/.test(String(knex.client.config.client))) return work();
  const before = await withConnection(knex, (db: SqlitePragmas) => {
    const cache = db.pragma('cache_size', { simple: true });
    const checkpoint = db.pragma('wal_autocheckpoint', { simple: true });
    db.pragma(`cache_size = ${-Math.abs(CACHE_KB)}`);
    db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    return { cache: Number(cache), checkpoint: Number(checkpoint) };
  });
  try {
    return await work();
  } finally {
    await withConnection(knex, (db: SqlitePragmas) => {
      db.pragma(`cache_size = ${before.cache}`);
      db.pragma(`wal_autocheckpoint = ${before.checkpoint}`);
    });
  }
};
