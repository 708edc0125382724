import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import {
  isPostgres,
  sqliteStatement,
  sqliteValue,
  withConnection,
  type SqliteConnection,
} from './prepared';

/** The columns of an event row, as the tracking service builds it. */
export const EVENT_COLUMNS = [
  'document_id',
  'customer_id',
  'type',
  'item_uid',
  'item_document_id',
  'item_locale',
  'url',
  'referrer',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'metadata',
  'occurred_at',
  'created_at',
  'updated_at',
] as const;

export type EventRow = Record<(typeof EVENT_COLUMNS)[number], unknown>;

const INSERT = `INSERT INTO "${TABLE.events}" (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;
const TOUCH = `UPDATE "${TABLE.customers}" SET last_activity_at = ?
  WHERE id = ? AND (last_activity_at IS NULL OR last_activity_at < ?)`;

/**
 * SQLite: a visitor's events and their last activity written in one transaction of prepared
 * statements on the raw connection, run synchronously. Through knex the same request costs a
 * compiled multi-row INSERT ... SELECT UNION ALL, a statement prepared per query and a
 * promise per step; the data written is the same.
 */
const writeEventsSqlite = (knex: Knex, customerId: number, rows: EventRow[], latest: number) =>
  withConnection(knex, (db: SqliteConnection) => {
    const insert = sqliteStatement(db, INSERT);
    const touch = sqliteStatement(db, TOUCH);
    db.transaction(() => {
      for (const row of rows) insert.run(EVENT_COLUMNS.map((column) => sqliteValue(row[column])));
      if (latest > 0) touch.run([latest, customerId, latest]);
    })();
  });

/**
 * A writer of a batch of plain events (no reads needed: no once-only or undo types) and the
 * customer's last activity, where the engine has a faster way than the knex transaction the
 * caller uses otherwise (SQLite); null on other engines.
 */
export const plainEventsWriter = (
  knex: Knex
): ((customerId: number, rows: EventRow[], latest: number) => Promise<void>) | null =>
  isPostgres(knex)
    ? null
    : (customerId, rows, latest) => writeEventsSqlite(knex, customerId, rows, latest);
