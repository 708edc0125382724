import type { Knex } from 'knex';
import type { ExportField } from '../../../../contracts/exports';
import { isPostgres } from '../../database/prepared';
import { postgresRecords } from './postgres';
import type { ExportScope } from '../../database/export-query';
import { sqliteRecords } from './sqlite';
import type { ExportChunk } from './types';

/**
 * The export's CSV records, in chunks, read the fastest way the engine has: COPY on
 * PostgreSQL, a read-only connection of its own on SQLite.
 */
export const exportRecords = (
  knex: Knex,
  fields: ExportField[],
  scope: ExportScope
): AsyncGenerator<ExportChunk> =>
  isPostgres(knex) ? postgresRecords(knex, fields, scope) : sqliteRecords(knex, fields, scope);
