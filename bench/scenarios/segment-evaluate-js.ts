import { TABLE } from '../../contracts/constants';
import { matchingCustomerIds } from '../../server/src/segment-engine/compile';
import { createCompileContext } from '../../server/src/segment-engine/context-factory';
import {
  matchInJs,
  segmentTree,
  tuneSegmentRule,
  type CustomerRow,
  type EventRow,
} from '../lib/segment-rule';
import type { Scenario } from './types';

/** Events loaded into memory at most: 10,000,000 rows of 20 columns do not fit in V8's heap. */
export const JS_EVENT_CAP = 1_000_000;

const int = (n: number) => n.toLocaleString('en-US');

/** The naive alternative to the engine: load the rows, filter in JavaScript. */
export default {
  name: 'segment-evaluate-js',
  description:
    'The segment of segment-evaluate computed the naive way, for the ratio: `SELECT *` of the ' +
    'customers and of their events into memory, then a JavaScript filter. Capped at the first ' +
    `${int(JS_EVENT_CAP)} events' worth of customers (100,000 customers at 1M/10M): the whole of ` +
    '10,000,000 events does not fit in the default V8 heap. Its detail gives the SQL query on ' +
    'the same customers, and checks that both find the same members. No target: it is the ' +
    'path not to take.',
  unit: 's',
  needs: ['customers', 'events'],
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const { ids } = await ctx.loadedCustomers();
    const rule = tuneSegmentRule(ctx.customers, ctx.events);
    const share = Math.min(1, JS_EVENT_CAP / Math.max(1, ctx.events));
    const count = Math.max(1, Math.min(ids.length, Math.floor(ids.length * share)));
    const lastId = ids[count - 1];
    const now = new Date();

    const started = performance.now();
    const customers: CustomerRow[] = await knex(TABLE.customers)
      .select('*')
      .where('id', '<=', lastId);
    const events: EventRow[] = await knex(TABLE.events)
      .select('*')
      .where('customer_id', '<=', lastId);
    const members = matchInJs(customers, events, rule, now);
    const seconds = (performance.now() - started) / 1000;

    const compiled = await createCompileContext(strapi, { mode: 'set', now });
    const sqlStarted = performance.now();
    const rows: { id: number }[] = await matchingCustomerIds(segmentTree(rule), compiled).where(
      'c.id',
      '<=',
      lastId
    );
    const sqlSeconds = (performance.now() - sqlStarted) / 1000;
    const sql = new Set(rows.map((r) => r.id));
    if (sql.size !== members.length || members.some((id) => !sql.has(id))) {
      throw new Error(`JavaScript found ${members.length} members, SQL ${sql.size}`);
    }
    return {
      seconds,
      extra:
        `${int(customers.length)} customers and ${int(events.length)} events loaded, ` +
        `${int(members.length)} members; the SQL query on the same customers ` +
        `${(sqlSeconds * 1000).toFixed(1)} ms, ${Math.round(seconds / sqlSeconds)}x faster`,
    };
  },
} satisfies Scenario;
