import fs from 'fs';
import { Client } from 'pg';
import { isPostgres } from './env';

const adminConnection = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'strapi',
  password: process.env.DATABASE_PASSWORD ?? 'strapi',
  database: 'postgres',
});

/**
 * Gives each test file an empty database of its own: a fresh PostgreSQL database (named after
 * the process) or, on SQLite, the temporary file set by setTestEnv.
 */
export const createTestDatabase = async () => {
  if (!isPostgres()) return;
  const name = `segments_test_${process.pid}_${Date.now()}`;
  const client = new Client(adminConnection());
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  process.env.DATABASE_NAME = name;
};

/**
 * Removes what createTestDatabase made, unless SEGMENTS_KEEP_DATABASE is set (to study a bench's
 * data with psql or sqlite3 afterwards): then it says where the database is.
 */
export const dropTestDatabase = async () => {
  if (process.env.SEGMENTS_KEEP_DATABASE) {
    const where = isPostgres() ? process.env.DATABASE_NAME : process.env.DATABASE_FILENAME;
    process.stderr.write(`SEGMENTS_KEEP_DATABASE: kept ${where}\n`);
    return;
  }
  if (isPostgres()) {
    const client = new Client(adminConnection());
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${process.env.DATABASE_NAME}" WITH (FORCE)`);
    await client.end();
    return;
  }
  const file = process.env.DATABASE_FILENAME;
  if (file)
    for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`])
      fs.rmSync(f, { force: true });
};
