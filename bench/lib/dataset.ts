import type { Knex } from 'knex';
import { TABLE } from '../../contracts/constants';
import { insertCustomers, insertEvents } from '../../server/src/database/bulk-insert';
import { generateCustomers, generateEvents, type GeneratedCustomer } from '../../demo/generate';
import type { CustomerSample, Engine, LoadedCustomers } from '../scenarios/types';
import { assertSameSchema, schemaOf } from './schema';

/** How many customers the search scenarios look for. */
export const SAMPLES = 30;

/** Content items the generated events point at. */
export const contentItems = (count = 10_000) =>
  Array.from({ length: count }, (_, i) => ({
    uid: 'api::article.article',
    documentId: `bench${i.toString(36).padStart(19, '0')}`,
    slug: `article-${i}`,
  }));

/** SAMPLES customers spread evenly over the data set, each with a phone number. */
const samplesOf = (customers: GeneratedCustomer[]): CustomerSample[] => {
  const samples: CustomerSample[] = [];
  for (let k = 0; k < SAMPLES && customers.length > 0; k++) {
    let i = Math.floor(((k + 0.5) * customers.length) / SAMPLES);
    while (i < customers.length - 1 && customers[i].phones.length === 0) i++;
    const c = customers[i];
    samples.push({
      email: c.emails[0],
      phone: c.phones[0] ?? '',
      fullName: `${c.firstName} ${c.lastName}`,
    });
  }
  return samples;
};

const CHILD_TABLES = [
  TABLE.emails,
  TABLE.phones,
  TABLE.visitorIds,
  TABLE.tags,
  TABLE.subscriptions,
  TABLE.terms,
  TABLE.nameTokens,
];

/** Rows in the customers' child tables, counted in the database (whatever the writer puts there). */
const countChildRows = async (knex: Knex) => {
  let total = 0;
  for (const table of CHILD_TABLES) total += Number((await knex(table).count({ n: '*' }))[0].n);
  return total;
};

const engineOf = (knex: Knex): Engine =>
  (knex.client as { driverName?: string }).driverName === 'pg' ? 'postgres' : 'sqlite';

/**
 * Generates `count` customers (untimed), then inserts them with their emails, phones, tags and
 * terms through the plugin's bulk writer in one transaction: `seconds` covers only that. The
 * tables' indexes and constraints must be the same after as before.
 */
export const loadCustomers = async (knex: Knex, count: number) => {
  const customers = generateCustomers(count);
  const tables = [TABLE.customers, ...CHILD_TABLES];
  const schema = await schemaOf(knex, engineOf(knex), tables);
  const started = performance.now();
  const ids = await knex.transaction((trx) => insertCustomers(trx, customers, 'import'));
  const seconds = (performance.now() - started) / 1000;
  assertSameSchema(schema, await schemaOf(knex, engineOf(knex), tables), 'insertCustomers');
  const loaded: LoadedCustomers = { ids, samples: samplesOf(customers) };
  return { loaded, seconds, children: await countChildRows(knex) };
};

/**
 * Inserts `count` events over the last 365 days across 10,000 content items in one
 * transaction. The events are generated lazily while inserting, so `seconds` includes that.
 */
export const loadEvents = async (knex: Knex, count: number, customerIds: number[]) => {
  const events = generateEvents(count, customerIds.length, contentItems());
  const schema = await schemaOf(knex, engineOf(knex), [TABLE.events]);
  const started = performance.now();
  const rows = await knex.transaction((trx) => insertEvents(trx, events, customerIds));
  const seconds = (performance.now() - started) / 1000;
  assertSameSchema(schema, await schemaOf(knex, engineOf(knex), [TABLE.events]), 'insertEvents');
  return { rows, seconds };
};

/**
 * Settles the database after a bulk load, as it is once the load is some minutes old. On
 * PostgreSQL VACUUM ANALYZE: statistics (plans go wrong without them) and the visibility map
 * and hint bits that autovacuum would set (without them the first queries dirty every page they
 * read and index-only scans cost heap visits, so the planner scans the events table instead).
 * On SQLite ANALYZE with `analysis_limit`, as `PRAGMA optimize` does: without statistics it
 * picks the (type, occurred_at) index for one customer's event count.
 */
export const analyze = async (knex: Knex, engine: Engine) => {
  if (engine === 'postgres') {
    await knex.raw('VACUUM ANALYZE');
    return;
  }
  await knex.raw('PRAGMA analysis_limit = 1000');
  await knex.raw('ANALYZE');
};
