import type { Knex } from 'knex';
import type { Customer } from '../../../contracts/customers';
import { TABLE } from '../../../contracts/constants';
import {
  CHILD_OF,
  COLUMN_OF,
  CUSTOMER_FIELDS,
  fieldsWhere,
  isListField,
  type ColumnFieldName,
  type ListFieldName,
} from '../../../contracts/customer-schema';
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

/** The list fields a profile shows (name tokens are for search only). */
const LISTS = fieldsWhere<ListFieldName>((f) => isListField(f) && f.merge !== 'derived');

/** A child row as the profile shows it, where that is more than its value column. */
const LIST_VALUE: Partial<Record<ListFieldName, (row: Row) => unknown>> = {
  subscriptions: (r) => ({ subscription: r.subscription, subscribedAt: toIso(r.subscribed_at) }),
  terms: (r) => ({ termId: r.term_id, givenAt: toDateOnly(r.given_at)! }),
};

const COLUMNS = fieldsWhere<ColumnFieldName>((f) => !isListField(f));

/** A column's stored value as the API shows it. */
const columnValue = (field: ColumnFieldName, value: unknown) => {
  const { kind } = CUSTOMER_FIELDS[field];
  if (kind === 'date') return toDateOnly(value);
  if (kind === 'datetime') return toIso(value);
  return value ?? null;
};

/**
 * Loads whole customer profiles for a set of row ids: one query per table, whatever the
 * number of customers, in the order of `ids`.
 */
export const loadCustomers = async (knex: Knex, ids: number[]): Promise<Customer[]> => {
  if (ids.length === 0) return [];
  const [rows, segments, ...lists] = await Promise.all([
    knex(TABLE.customers).whereIn('id', ids),
    knex(`${TABLE.memberships} as m`)
      .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
      .select('m.customer_id', 's.document_id', 's.segment_id', 's.name')
      .whereIn('m.customer_id', ids)
      .orderBy(['m.customer_id', 's.name']),
    ...LISTS.map((field) =>
      knex(CHILD_OF[field].table)
        .whereIn('customer_id', ids)
        .orderBy(['customer_id', CHILD_OF[field].order])
    ),
  ]);
  const bySegments = groupBy(segments);
  const byList = LISTS.map((field, i) => {
    const read = LIST_VALUE[field] ?? ((r: Row) => r[CHILD_OF[field].value]);
    return [field, groupBy(lists[i]), read] as const;
  });
  const byId = new Map<number, Customer>();
  for (const row of rows as Row[]) {
    const customer: Record<string, unknown> = { id: row.id };
    for (const field of COLUMNS) customer[field] = columnValue(field, row[COLUMN_OF[field]]);
    customer.fullName = fullName(row);
    customer.source = row.source ?? 'manual';
    for (const [field, groups, read] of byList) {
      customer[field] = (groups.get(row.id) ?? []).map(read);
    }
    customer.segments = (bySegments.get(row.id) ?? []).map((r) => ({
      documentId: r.document_id,
      segmentId: r.segment_id,
      name: r.name,
    }));
    byId.set(row.id, customer as unknown as Customer);
  }
  return ids.map((id) => byId.get(id)).filter((c): c is Customer => Boolean(c));
};
