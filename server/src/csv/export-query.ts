import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { CustomerListFilters } from '../../../contracts/customer-list';
import type { ExportField } from '../../../contracts/exports';
import { PROFILE_COLUMNS } from '../database/customer-columns';
import { applyCustomerFilters } from '../database/customer-filters';

const SCALARS: Partial<Record<ExportField, string>> = {
  documentId: 'document_id',
  ...PROFILE_COLUMNS,
  source: 'source',
  lastActivityAt: 'last_activity_at',
  anonymizedAt: 'anonymized_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Multi-valued fields: the child table, its value and the order values are joined in. */
const LISTS: Partial<Record<ExportField, { table: string; value: string; order: string }>> = {
  emails: { table: TABLE.emails, value: 'email', order: 'position' },
  phones: { table: TABLE.phones, value: 'phone', order: 'position' },
  tags: { table: TABLE.tags, value: 'tag', order: 'tag' },
  subscriptions: { table: TABLE.subscriptions, value: 'subscription', order: 'subscription' },
  terms: { table: TABLE.terms, value: 'term_id', order: 'term_id' },
};

type Row = Record<string, unknown> & { id: number };

/**
 * The page's customers in a child query: an id range when the page is dense (a range scan of
 * the customer_id index), else the ids themselves (a filtered export).
 */
const forPage = (q: Knex.QueryBuilder, column: string, ids: number[]) => {
  const first = ids[0];
  const last = ids[ids.length - 1];
  return last - first < ids.length * 2
    ? q.whereBetween(column, [first, last])
    : q.whereIn(column, ids);
};

/** Joins each customer's values (rows ordered by customer) into `field` of its row. */
const attach = (
  byId: Map<number, Row>,
  field: ExportField,
  values: { customer_id: number; value: unknown }[]
) => {
  let current: Row | undefined;
  let parts: string[] = [];
  const flush = () => {
    if (current) current[field] = parts.join(', ');
  };
  for (const v of values) {
    if (current?.id !== Number(v.customer_id)) {
      flush();
      current = byId.get(Number(v.customer_id));
      parts = [];
    }
    if (v.value !== null && v.value !== undefined) parts.push(String(v.value));
  }
  flush();
};

/**
 * One page of the export: customers with id above `afterId`, in id order, scalar fields from
 * one keyset query and each list field from one query over the page's customers (not one
 * subquery per customer and list), joined here with ", ".
 */
export const exportPage = async (
  knex: Knex,
  fields: ExportField[],
  scope: { filters?: CustomerListFilters; documentIds?: string[] },
  afterId: number,
  size: number
): Promise<Row[]> => {
  const query = knex(`${TABLE.customers} as c`).select('c.id');
  for (const field of fields) {
    const scalar = SCALARS[field];
    if (scalar) query.select(`c.${scalar} as ${field}`);
  }
  applyCustomerFilters(knex, query, scope.filters);
  if (scope.documentIds) query.whereIn('c.document_id', scope.documentIds);
  const rows: Row[] = await query.where('c.id', '>', afterId).orderBy('c.id').limit(size);
  if (rows.length === 0) return rows;

  const ids = rows.map((r) => Number(r.id));
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  // Independent queries: PostgreSQL runs them on several connections at once.
  await Promise.all(
    fields.map(async (field) => {
      const list = LISTS[field];
      if (list) {
        const values = await forPage(
          knex(list.table).select('customer_id', `${list.value} as value`),
          'customer_id',
          ids
        ).orderBy([{ column: 'customer_id' }, { column: list.order }]);
        attach(byId, field, values);
      } else if (field === 'segments') {
        const values = await forPage(
          knex(`${TABLE.memberships} as m`)
            .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
            .select('m.customer_id', 's.segment_id as value'),
          'm.customer_id',
          ids
        ).orderBy([{ column: 'm.customer_id' }, { column: 's.segment_id' }]);
        attach(byId, field, values);
      }
    })
  );
  return rows;
};
