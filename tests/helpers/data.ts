import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../../server/src/database/document-id';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { isPostgres } from './env';

/** Counts the rows of a plugin table, optionally for some customers only. */
export const countRows = async (strapi: Core.Strapi, table: string, customerIds?: number[]) => {
  const query = knexOf(strapi)(table).count({ n: '*' });
  if (customerIds) query.whereIn(table === TABLE.customers ? 'id' : 'customer_id', customerIds);
  return Number((await query)[0].n);
};

/** The row id of a customer, by documentId. */
export const customerIdOf = async (strapi: Core.Strapi, documentId: string): Promise<number> =>
  (await knexOf(strapi)(TABLE.customers).where({ document_id: documentId }).first()).id;

/** Adds events of a customer straight into the events table (tracking comes in a later issue). */
export const addEvents = async (
  strapi: Core.Strapi,
  customerId: number,
  events: { type: string; occurredAt: Date; itemDocumentId?: string }[]
) =>
  knexOf(strapi)(TABLE.events).insert(
    events.map((e) => ({
      document_id: newDocumentId(),
      customer_id: customerId,
      type: e.type,
      item_uid: e.itemDocumentId ? 'api::article.article' : null,
      item_document_id: e.itemDocumentId ?? null,
      occurred_at: e.occurredAt,
      created_at: e.occurredAt,
      updated_at: e.occurredAt,
    }))
  );

/** Creates a segment and makes the given customers its members (the engine comes later). */
export const addSegmentWithMembers = async (
  strapi: Core.Strapi,
  segmentId: string,
  customerIds: number[]
) => {
  const knex = knexOf(strapi);
  const now = new Date();
  const [row] = await knex(TABLE.segments)
    .insert({
      document_id: newDocumentId(),
      name: segmentId,
      segment_id: segmentId,
      kind: 'external',
      member_count: customerIds.length,
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const id = typeof row === 'object' ? row.id : row;
  if (customerIds.length > 0) {
    await knex(TABLE.memberships).insert(
      customerIds.map((customerId) => ({ segment_id: id, customer_id: customerId, added_at: now }))
    );
  }
  return id as number;
};

/** Every table of the database, every row, as lower-cased text: where a person could still be found. */
export const wholeDatabaseText = async (strapi: Core.Strapi) => {
  const knex = knexOf(strapi);
  const tables: string[] = isPostgres()
    ? (
        await knex.raw('select tablename from pg_tables where schemaname = current_schema()')
      ).rows.map((r: { tablename: string }) => r.tablename)
    : (
        await knex.raw(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
        )
      ).map((r: { name: string }) => r.name);
  const dumps = await Promise.all(
    tables.map(async (t) => JSON.stringify(await knex(t).select('*')).toLowerCase())
  );
  return dumps.join('\n');
};
