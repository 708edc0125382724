import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { knexOf } from './knex';

/**
 * Indexes on lower-cased values, for rules and filters that compare tags, subscriptions, term
 * ids and countries without regard to letter case (`LOWER(tag) = ?`): both engines use an index
 * on an expression when the query holds the same expression. Strapi's model indexes name columns
 * only, so these are made here; Strapi's schema sync leaves indexes it did not make alone.
 */
const CASE_INDEXES = [
  {
    name: `${TABLE.customers}_name_lower_idx`,
    table: TABLE.customers,
    on: 'LOWER(last_name), LOWER(first_name)',
  },
  { name: `${TABLE.customers}_country_lower_idx`, table: TABLE.customers, on: 'LOWER(country)' },
  { name: `${TABLE.tags}_lower_idx`, table: TABLE.tags, on: 'LOWER(tag), customer_id' },
  {
    name: `${TABLE.subscriptions}_lower_idx`,
    table: TABLE.subscriptions,
    on: 'LOWER(subscription), customer_id',
  },
  {
    name: `${TABLE.terms}_lower_idx`,
    table: TABLE.terms,
    on: 'LOWER(term_id), customer_id, given_at',
  },
] as const;

/** Creates the lower-case indexes that are missing (a no-op once they are there). */
export const ensureCaseIndexes = async (knex: Knex) => {
  for (const index of CASE_INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.on})`, [index.name, index.table]);
  }
};

/** The bootstrap step: creates them in the background (on a large table, seconds). */
export const createCaseIndexesInBackground = (strapi: Core.Strapi) => {
  ensureCaseIndexes(knexOf(strapi)).catch((error) =>
    strapi.log.error(`[segments] creating the lower-case indexes: ${error.stack ?? error}`)
  );
};
