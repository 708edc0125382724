import { analyze, loadCustomers } from '../lib/dataset';
import type { Scenario } from './types';

/** The bulk writer behind the demo seed (and later the import): N customers in one transaction. */
export default {
  name: 'insert-customers',
  description:
    'Inserts N generated customers with their child rows (emails, phones, tags, terms, name ' +
    'tokens) through `insertCustomers` in one knex transaction, into an empty database; ' +
    'generating them is not timed. The writer uses prepared statements on SQLite and UNNEST ' +
    'arrays on PostgreSQL, chunks of 5,000, and from 50,000 rows builds the non-unique indexes ' +
    '(and on PostgreSQL the foreign keys) after the load; the run fails if they do not all come ' +
    'back. VACUUM ANALYZE (PostgreSQL) or ANALYZE (SQLite) follows, untimed.',
  unit: 'rows/s',
  needs: ['strapi'],
  async run(ctx) {
    if (ctx.hasCustomers()) throw new Error('insert-customers must run on an empty database');
    const knex = await ctx.knex();
    const { loaded, seconds, children } = await loadCustomers(knex, ctx.customers);
    ctx.rememberCustomers(loaded);
    await analyze(knex, ctx.engine);
    return {
      rows: ctx.customers,
      seconds,
      extra: `+ ${children.toLocaleString('en-US')} child rows`,
    };
  },
} satisfies Scenario;
