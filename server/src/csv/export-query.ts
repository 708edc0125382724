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

/** Multi-valued fields: a correlated, indexed subquery joining a child table's values. */
const LISTS: Partial<Record<ExportField, { table: string; value: string; order: string }>> = {
  emails: { table: TABLE.emails, value: 'email', order: 'position' },
  phones: { table: TABLE.phones, value: 'phone', order: 'position' },
  tags: { table: TABLE.tags, value: 'tag', order: 'tag' },
  subscriptions: { table: TABLE.subscriptions, value: 'subscription', order: 'subscription' },
  terms: { table: TABLE.terms, value: 'term_id', order: 'term_id' },
};

const joined = (knex: Knex, client: string, column: string) =>
  client === 'postgres'
    ? knex.raw(`string_agg(??, ', ')`, [column])
    : knex.raw(`group_concat(??, ', ')`, [column]);

/**
 * One page of the export: customers with id above `afterId`, in id order, every field as one
 * column (lists joined by the database), so a page is one query whatever its size.
 */
export const exportPage = (
  knex: Knex,
  client: string,
  fields: ExportField[],
  scope: { filters?: CustomerListFilters; documentIds?: string[] },
  afterId: number,
  size: number
) => {
  const query = knex(`${TABLE.customers} as c`).select('c.id');
  for (const field of fields) {
    const scalar = SCALARS[field];
    const list = LISTS[field];
    if (scalar) query.select(`c.${scalar} as ${field}`);
    else if (list) {
      const values = knex(list.table)
        .select(list.value)
        .where('customer_id', knex.ref('c.id'))
        .orderBy(list.order);
      query.select(
        knex(values.as('v'))
          .select(joined(knex, client, `v.${list.value}`))
          .as(field)
      );
    } else if (field === 'segments') {
      const names = knex(`${TABLE.memberships} as m`)
        .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
        .select('s.segment_id')
        .where('m.customer_id', knex.ref('c.id'))
        .orderBy('s.segment_id');
      query.select(
        knex(names.as('v'))
          .select(joined(knex, client, 'v.segment_id'))
          .as(field)
      );
    }
  }
  applyCustomerFilters(knex, query, scope.filters);
  if (scope.documentIds) query.whereIn('c.document_id', scope.documentIds);
  return query.where('c.id', '>', afterId).orderBy('c.id').limit(size);
};
