import type { Knex } from 'knex';
import { TABLE } from '../../contracts/constants';
import type { Scenario } from './types';

const count = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

/** "Delete all customers" in the admin: every customer, event and membership. */
export default {
  name: 'customers-delete-all',
  description:
    'Target: under 60 s at 1,000,000 customers and 10,000,000 events, on both engines. ' +
    '`POST /segments/customers/bulk-delete {"all": true}` as the super admin with the N customers, ' +
    'M events and the memberships of the segments before it in the database, until the response. ' +
    'Runs after every scenario that reads the data set (it empties it).',
  unit: 's',
  needs: ['customers', 'events'],
  targets: { sqlite: { atMost: 60 }, postgres: { atMost: 60 } },
  async run(ctx) {
    const knex = await ctx.knex();
    const before = {
      customers: await count(knex, TABLE.customers),
      events: await count(knex, TABLE.events),
      memberships: await count(knex, TABLE.memberships),
    };
    const admin = await ctx.admin();
    const started = performance.now();
    const res = await admin.post('/segments/customers/bulk-delete', { all: true });
    const seconds = (performance.now() - started) / 1000;
    ctx.forgetData();
    if (res.status !== 200)
      throw new Error(`bulk-delete: ${res.status} ${JSON.stringify(res.body)}`);
    const left = (await count(knex, TABLE.customers)) + (await count(knex, TABLE.events));
    if (res.body.data.deleted !== before.customers || left > 0) {
      throw new Error(`bulk-delete said ${res.body.data.deleted} deleted; ${left} rows are left`);
    }
    const int = (n: number) => n.toLocaleString('en-US');
    return {
      seconds,
      extra: `${int(before.customers)} customers, ${int(before.events)} events and ${int(before.memberships)} memberships`,
    };
  },
} satisfies Scenario;
