import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { newDocumentId } from './document-id';
import type { CustomerSource } from '../../../contracts/constants';
import { nameTokens } from '../../../contracts/customer-fields';
import type { GeneratedCustomer, GeneratedEvent } from '../demo/generate';

/** Rows per INSERT: knex's SQLite multi-row insert fails past 500 rows. */
export const BATCH = 200;

const chunks = function* <T>(items: T[], size = BATCH) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
};

/**
 * Inserts whole customers (with emails, phones, tags, terms) in batches inside the caller's
 * transaction, and returns their row ids in input order.
 */
export const insertCustomers = async (
  trx: Knex.Transaction,
  customers: GeneratedCustomer[],
  source: CustomerSource
): Promise<number[]> => {
  const ids: number[] = [];
  for (const batch of chunks(customers)) {
    const now = new Date();
    const rows = batch.map((c) => ({
      document_id: newDocumentId(),
      first_name: c.firstName,
      last_name: c.lastName,
      gender: c.gender,
      date_of_birth: c.dateOfBirth,
      street: c.street,
      house_number: c.houseNumber,
      zip_code: c.zipCode,
      city: c.city,
      country: c.country,
      job_title: c.jobTitle,
      reference_id: c.referenceId,
      source,
      created_at: c.createdAt,
      updated_at: now,
    }));
    const inserted: { id: number; document_id: string }[] = await trx(TABLE.customers)
      .insert(rows)
      .returning(['id', 'document_id']);
    const idOf = new Map(inserted.map((r) => [r.document_id, r.id]));
    const batchIds = rows.map((r) => idOf.get(r.document_id)!);
    ids.push(...batchIds);
    const children: Record<string, Record<string, unknown>[]> = {
      [TABLE.emails]: batch.flatMap((c, i) =>
        c.emails.map((email, position) => ({
          customer_id: batchIds[i],
          email,
          normalized: email.toLowerCase(),
          position,
        }))
      ),
      [TABLE.phones]: batch.flatMap((c, i) =>
        c.phones.map((phone, position) => ({ customer_id: batchIds[i], phone, position }))
      ),
      [TABLE.tags]: batch.flatMap((c, i) =>
        c.tags.map((tag) => ({ customer_id: batchIds[i], tag }))
      ),
      [TABLE.nameTokens]: batch.flatMap((c, i) =>
        nameTokens(c.firstName, c.lastName).map((token) => ({ customer_id: batchIds[i], token }))
      ),
      [TABLE.terms]: batch.flatMap((c, i) =>
        c.terms.map((t) => ({ customer_id: batchIds[i], term_id: t.termId, given_at: t.givenAt }))
      ),
    };
    for (const [table, childRows] of Object.entries(children)) {
      for (const part of chunks(childRows)) await trx(table).insert(part);
    }
  }
  return ids;
};

/** Inserts events in batches; `customerIds[e.customerIndex]` names each event's customer. */
export const insertEvents = async (
  trx: Knex.Transaction,
  events: Iterable<GeneratedEvent>,
  customerIds: number[]
): Promise<number> => {
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length > 0) await trx(TABLE.events).insert(batch);
    count += batch.length;
    batch = [];
  };
  for (const e of events) {
    batch.push({
      document_id: newDocumentId(),
      customer_id: customerIds[e.customerIndex],
      type: e.type,
      item_uid: e.itemUid,
      item_document_id: e.itemDocumentId,
      url: e.url,
      utm_source: e.utmSource,
      utm_medium: e.utmMedium,
      utm_campaign: e.utmCampaign,
      occurred_at: e.occurredAt,
      created_at: e.occurredAt,
      updated_at: e.occurredAt,
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return count;
};
