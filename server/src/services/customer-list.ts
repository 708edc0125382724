import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import { COLUMN_OF } from '../../../contracts/customer-schema';
import type { CustomerListQuery, ListCustomers } from '../../../contracts/customer-list';
import { applyCustomerFilters } from '../database/customer-filters';
import { loadCustomers } from '../database/customer-read';
import { knexOf } from '../database/knex';

/** The columns the list sorts by, from the customer schema. */
const SORT_COLUMNS: Record<string, string> = {
  createdAt: COLUMN_OF.createdAt,
  updatedAt: COLUMN_OF.updatedAt,
  lastActivityAt: COLUMN_OF.lastActivityAt,
  lastName: COLUMN_OF.lastName,
  firstName: COLUMN_OF.firstName,
};

/** The paginated, searchable, filterable customer list of the admin. */
const customerList = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One page of customers with the total that matches. */
  async list(query: CustomerListQuery, defaultPageSize: number): Promise<ListCustomers.Response> {
    const knex = knexOf(strapi);
    const { page = 1, pageSize = defaultPageSize, sort = 'createdAt:desc', ...filters } = query;
    const [sortField, sortOrder] = sort.split(':') as [string, 'asc' | 'desc'];
    const base = () => applyCustomerFilters(knex, knex(`${TABLE.customers} as c`), filters);
    const [{ total }] = await base().count({ total: '*' });
    const rows: { id: number }[] = await base()
      .select('c.id')
      .orderBy([
        { column: `c.${SORT_COLUMNS[sortField]}`, order: sortOrder },
        { column: 'c.id', order: sortOrder },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const count = Number(total);
    return {
      data: await loadCustomers(
        knex,
        rows.map((r) => r.id)
      ),
      meta: {
        pagination: { page, pageSize, total: count, pageCount: Math.ceil(count / pageSize) },
      },
    };
  },
});

export type CustomerListService = ReturnType<typeof customerList>;
export default customerList;
