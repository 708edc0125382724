// What the SQLite export's worker thread shares with the export query: kept apart from the query
// builder so that the worker's bundle stays small.

/** The separator of the segment row ids in their column (csv/export/segment-names.ts). */
export const SEGMENT_ID_SEPARATOR = ',';

/**
 * Begins an export's read on a SQLite connection of its own: a 2 MB page cache rather than
 * better-sqlite3's 16 MB (the export reads each page about once, in id order, and the OS keeps
 * the file cached; at 1M customers the two connections' caches were 25 to 30 MB of the peak
 * RSS, and the export ran no slower without them), then one read transaction.
 */
export const beginSqliteExportRead = (db: { exec(sql: string): void }) => {
  db.exec('PRAGMA cache_size = -2000');
  db.exec('BEGIN');
};
