import type { Knex } from 'knex';
import type { Customer } from '../../../contracts/customers';
import { TABLE } from '../../../contracts/constants';
import { toDateOnly, toIso } from '../utils/dates';

type Row = Record<string, any>;

const groupBy = (rows: Row[]) => {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const list = map.get(row.customer_id) ?? [];
    list.push(row);
    map.set(row.customer_id, list);
  }
  return map;
};

const fullName = (row: Row) =>
  [row.first_name, row.last_name].filter(Boolean).join(' ').trim() || null;

/**
 * Loads whole customer profiles for a set of row ids: one query per table, whatever the
 * number of customers, in the order of `ids`.
 */
export const loadCustomers = async (knex: Knex, ids: number[]): Promise<Customer[]> => {
  if (ids.length === 0) return [];
  const [rows, emails, phones, tags, subscriptions, terms, visitorIds, segments] =
    await Promise.all([
      knex(TABLE.customers).whereIn('id', ids),
      knex(TABLE.emails).whereIn('customer_id', ids).orderBy(['customer_id', 'position']),
      knex(TABLE.phones).whereIn('customer_id', ids).orderBy(['customer_id', 'position']),
      knex(TABLE.tags).whereIn('customer_id', ids).orderBy(['customer_id', 'tag']),
      knex(TABLE.subscriptions)
        .whereIn('customer_id', ids)
        .orderBy(['customer_id', 'subscription']),
      knex(TABLE.terms).whereIn('customer_id', ids).orderBy(['customer_id', 'term_id']),
      knex(TABLE.visitorIds).whereIn('customer_id', ids).orderBy(['customer_id', 'id']),
      knex(`${TABLE.memberships} as m`)
        .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
        .select('m.customer_id', 's.document_id', 's.segment_id', 's.name')
        .whereIn('m.customer_id', ids)
        .orderBy(['m.customer_id', 's.name']),
    ]);
  const by = {
    emails: groupBy(emails),
    phones: groupBy(phones),
    tags: groupBy(tags),
    subscriptions: groupBy(subscriptions),
    terms: groupBy(terms),
    visitorIds: groupBy(visitorIds),
    segments: groupBy(segments),
  };
  const byId = new Map<number, Customer>();
  for (const row of rows as Row[]) {
    const of = (key: keyof typeof by) => by[key].get(row.id) ?? [];
    byId.set(row.id, {
      id: row.id,
      documentId: row.document_id,
      firstName: row.first_name ?? null,
      lastName: row.last_name ?? null,
      fullName: fullName(row),
      emails: of('emails').map((r) => r.email),
      phones: of('phones').map((r) => r.phone),
      gender: row.gender ?? null,
      dateOfBirth: toDateOnly(row.date_of_birth),
      street: row.street ?? null,
      houseNumber: row.house_number ?? null,
      zipCode: row.zip_code ?? null,
      city: row.city ?? null,
      country: row.country ?? null,
      jobTitle: row.job_title ?? null,
      referenceId: row.reference_id ?? null,
      tags: of('tags').map((r) => r.tag),
      subscriptions: of('subscriptions').map((r) => ({
        subscription: r.subscription,
        subscribedAt: toIso(r.subscribed_at),
      })),
      terms: of('terms').map((r) => ({ termId: r.term_id, givenAt: toDateOnly(r.given_at)! })),
      visitorIds: of('visitorIds').map((r) => r.visitor_id),
      segments: of('segments').map((r) => ({
        documentId: r.document_id,
        segmentId: r.segment_id,
        name: r.name,
      })),
      source: row.source ?? 'manual',
      lastActivityAt: toIso(row.last_activity_at),
      anonymizedAt: toIso(row.anonymized_at),
      createdAt: toIso(row.created_at)!,
      updatedAt: toIso(row.updated_at)!,
    });
  }
  return ids.map((id) => byId.get(id)).filter((c): c is Customer => Boolean(c));
};
