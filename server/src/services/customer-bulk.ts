import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import type { BulkDeleteInput } from '../../../contracts/customer-bulk';
import { applyCustomerFilters, hasNoFilters } from '../database/customer-filters';
import {
  deleteAllCustomerRows,
  deleteCustomerRows,
  refreshMemberCounts,
} from '../database/customer-removal';
import { knexOf } from '../database/knex';

/** Customers deleted per transaction: short transactions keep the database responsive. */
const BATCH = 1000;

/** Bulk changes to customers (the "customer bulk update" permission). */
const customerBulk = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Deletes the given customers, or all customers matching the filters, with their events and
   * segment memberships, batch by batch, each batch in its own transaction.
   */
  async delete(input: BulkDeleteInput): Promise<{ deleted: number }> {
    const knex = knexOf(strapi);
    let deleted = 0;
    if (input.all && hasNoFilters(input.filters)) {
      deleted = await deleteAllCustomerRows(knex);
    } else if (input.all) {
      for (;;) {
        const rows: { id: number }[] = await applyCustomerFilters(
          knex,
          knex(`${TABLE.customers} as c`),
          input.filters
        )
          .select('c.id')
          .orderBy('c.id')
          .limit(BATCH);
        if (rows.length === 0) break;
        deleted += await knex.transaction((trx) =>
          deleteCustomerRows(
            trx,
            rows.map((r) => r.id)
          )
        );
      }
    } else {
      const documentIds = input.documentIds ?? [];
      for (let i = 0; i < documentIds.length; i += BATCH) {
        const part = documentIds.slice(i, i + BATCH);
        deleted += await knex.transaction(async (trx) => {
          const rows: { id: number }[] = await trx(TABLE.customers)
            .select('id')
            .whereIn('document_id', part);
          return deleteCustomerRows(
            trx,
            rows.map((r) => r.id)
          );
        });
      }
    }
    await refreshMemberCounts(knex);
    return { deleted };
  },
});

export default customerBulk;
