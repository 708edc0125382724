import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** The knex instance under Strapi's database layer: the plugin's hot paths speak SQL directly. */
export const knexOf = (strapi: Core.Strapi): Knex => strapi.db.connection as unknown as Knex;

/**
 * The database file of knex's better-sqlite3 connection, or undefined for an in-memory database
 * (which a second connection cannot see) or another engine.
 */
export const sqliteFileOf = (knex: Knex): string | undefined => {
  const file = (knex.client as { connectionSettings?: { filename?: string } }).connectionSettings
    ?.filename;
  return file && file !== ':memory:' && !file.startsWith('file::memory:') ? file : undefined;
};

/** True when a database error is a unique-index violation, on SQLite or PostgreSQL. */
export const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint/.test(e?.message ?? '')
  );
};
