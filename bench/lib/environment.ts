import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The machine and software a benchmark ran on, for the report's header. */
export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  strapi: string;
  betterSqlite3: string;
  sqlite: string;
  /** 1-minute load average when the run started: other work on a shared machine skews figures. */
  loadAtStart: number;
}

const installedVersion = (pkg: string): string =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: type what is used.
type SqliteDatabase = { prepare(sql: string): { get(): unknown }; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => SqliteDatabase;

const sqliteVersion = () => {
  const db = new Database(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
};

/** Reads the environment now (the date is the start of the run). */
export const readEnvironment = (): Environment => ({
  date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: os.cpus().length,
  memoryGb: os.totalmem() / 1024 ** 3,
  node: process.version,
  strapi: installedVersion('@strapi/strapi'),
  betterSqlite3: installedVersion('better-sqlite3'),
  sqlite: sqliteVersion(),
  loadAtStart: os.loadavg()[0],
});
