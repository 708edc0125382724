import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { CustomerListQuery, ListCustomers } from '../../../contracts/customer-list';
import { normalizePhone } from '../../../contracts/customer-fields';
import { loadCustomers } from '../database/customer-read';
import { knexOf } from '../database/knex';

const SORT_COLUMNS: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastActivityAt: 'last_activity_at',
  lastName: 'last_name',
  firstName: 'first_name',
};

/** `column` starts with `prefix`, as a range so that a plain b-tree index serves it on any engine. */
const startsWith = (qb: Knex.QueryBuilder, column: string, prefix: string) =>
  qb.where(column, '>=', prefix).andWhere(column, '<', `${prefix}\uffff`);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Shifts today by whole years, for age filters on date of birth. */
const yearsAgo = (years: number, today = new Date()) => {
  const d = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate())
  );
  return d;
};

/** The paginated, searchable, filterable customer list of the admin. */
const customerList = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  /** Applies search and filters to a query over the customers table (aliased `c`). */
  const applyFilters = (qb: Knex.QueryBuilder, query: Omit<CustomerListQuery, 'page'>) => {
    const db = knex();
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const phone = normalizePhone(q);
      qb.where((or) => {
        or.whereIn('c.id', startsWith(db(TABLE.emails).select('customer_id'), 'normalized', q));
        or.orWhereIn('c.id', (sub: Knex.QueryBuilder) =>
          startsWith(sub.from(TABLE.customers).select('id'), 'search_name', q)
        );
        if (phone) {
          or.orWhereIn('c.id', startsWith(db(TABLE.phones).select('customer_id'), 'phone', phone));
        }
      });
    }
    if (query.gender) qb.where('c.gender', query.gender);
    if (query.country) qb.where('c.country', query.country);
    if (query.tag) qb.whereIn('c.id', db(TABLE.tags).select('customer_id').where('tag', query.tag));
    if (query.segment) {
      qb.whereIn(
        'c.id',
        db(`${TABLE.memberships} as m`)
          .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
          .select('m.customer_id')
          .where('s.segment_id', query.segment)
      );
    }
    if (query.createdFrom) qb.where('c.created_at', '>=', query.createdFrom);
    if (query.createdTo) qb.where('c.created_at', '<=', query.createdTo);
    // Age N means born after (today - N - 1 years) and on or before (today - N years).
    if (query.ageMin !== undefined)
      qb.where('c.date_of_birth', '<=', isoDate(yearsAgo(query.ageMin)));
    if (query.ageMax !== undefined)
      qb.where('c.date_of_birth', '>', isoDate(yearsAgo(query.ageMax + 1)));
    return qb;
  };

  return {
    applyFilters,

    /** One page of customers with the total that matches. */
    async list(query: CustomerListQuery, defaultPageSize: number): Promise<ListCustomers.Response> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? defaultPageSize;
      const [sortField, sortOrder] = (query.sort ?? 'createdAt:desc').split(':');
      const base = () => applyFilters(knex()(`${TABLE.customers} as c`), query);
      const [{ total }] = await base().count({ total: '*' });
      const rows = await base()
        .select('c.id')
        .orderBy([
          { column: `c.${SORT_COLUMNS[sortField]}`, order: sortOrder as 'asc' | 'desc' },
          { column: 'c.id', order: sortOrder as 'asc' | 'desc' },
        ])
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const data = await loadCustomers(
        knex(),
        rows.map((r: { id: number }) => r.id)
      );
      const count = Number(total);
      return {
        data,
        meta: {
          pagination: { page, pageSize, total: count, pageCount: Math.ceil(count / pageSize) },
        },
      };
    },
  };
};

export type CustomerListService = ReturnType<typeof customerList>;
export default customerList;
