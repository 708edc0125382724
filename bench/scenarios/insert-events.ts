import { analyze, loadEvents } from '../lib/dataset';
import type { Scenario } from './types';

/** The bulk event writer: M events on top of the N customers. */
export default {
  name: 'insert-events',
  description:
    'Inserts M generated events (last 365 days, 10,000 content items, N customers) through ' +
    '`insertEvents` in one knex transaction; the events are generated lazily while inserting. ' +
    'Same writer as insert-customers (indexes and foreign keys built after the load past ' +
    '50,000 rows, checked to come back); VACUUM ANALYZE or ANALYZE follows, untimed.',
  unit: 'rows/s',
  needs: ['customers'],
  async run(ctx) {
    const { ids } = await ctx.loadedCustomers();
    const knex = await ctx.knex();
    const { rows, seconds } = await loadEvents(knex, ctx.events, ids);
    ctx.rememberEvents(rows);
    await analyze(knex, ctx.engine);
    return { rows, seconds };
  },
} satisfies Scenario;
