import type { Core } from '@strapi/strapi';
import { TABLE } from '../contracts/constants';
import type { RuleNode } from '../contracts/segment-rules';
import { insertCustomers, insertEvents } from '../server/src/database/bulk-insert';
import { newDocumentId } from '../server/src/database/document-id';
import { knexOf } from '../server/src/database/knex';
import { generateCustomers, generateEvents } from './generate';

export interface DemoOptions {
  customers: number;
  events: number;
  /** Content items the demo events point at. */
  items: { uid: string; documentId: string; slug: string }[];
}

const DEMO_SEGMENTS: {
  name: string;
  segmentId: string;
  kind: 'rule' | 'external';
  rules: RuleNode | null;
}[] = [
  {
    name: 'Women in the Netherlands',
    segmentId: 'women-nl',
    kind: 'rule',
    rules: {
      kind: 'group',
      op: 'and',
      children: [
        { kind: 'field', field: 'gender', operator: 'equals', value: 'female' },
        { kind: 'field', field: 'country', operator: 'equals', value: 'Netherlands' },
      ],
    },
  },
  {
    name: 'Young adults',
    segmentId: 'young-adults',
    kind: 'rule',
    rules: {
      kind: 'group',
      op: 'and',
      children: [{ kind: 'field', field: 'age', operator: 'between', value: [18, 30] }],
    },
  },
  {
    name: 'Converted in the last 30 days',
    segmentId: 'recent-converters',
    kind: 'rule',
    rules: {
      kind: 'group',
      op: 'and',
      children: [
        {
          kind: 'event',
          did: true,
          eventType: 'Conversion',
          target: { type: 'any' },
          count: { operator: 'atLeast', value: 1 },
          window: { type: 'lastDays', days: 30 },
        },
      ],
    },
  },
  {
    name: 'Viewed EV articles twice this month',
    segmentId: 'ev-readers',
    kind: 'rule',
    rules: {
      kind: 'group',
      op: 'and',
      children: [
        {
          kind: 'event',
          did: true,
          eventType: 'View',
          target: {
            type: 'contentType',
            uid: 'api::article.article',
            field: 'category',
            value: 'EV',
          },
          count: { operator: 'atLeast', value: 2 },
          window: { type: 'lastDays', days: 30 },
        },
      ],
    },
  },
  { name: 'Facebook EV campaign', segmentId: 'ev-launch', kind: 'external', rules: null },
];

/** How many customers, events and segments the database holds. */
export const demoCounts = async (strapi: Core.Strapi) => {
  const knex = knexOf(strapi);
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    customers: await count(TABLE.customers),
    events: await count(TABLE.events),
    segments: await count(TABLE.segments),
  };
};

/**
 * Seeds demo customers, events and segments once; a second run finds them and does nothing.
 * Only the playground's seed script and the tests call it: the plugin itself ships no demo data.
 */
export const seedDemo = async (strapi: Core.Strapi, options: DemoOptions) => {
  const store = strapi.store({ type: 'plugin', name: 'segments', key: 'demo' });
  const done = (await store.get()) as { seededAt?: string } | null;
  if (done?.seededAt) return { seeded: false, ...(await demoCounts(strapi)) };

  await knexOf(strapi).transaction(async (trx) => {
    const ids = await insertCustomers(trx, generateCustomers(options.customers), 'import');
    await insertEvents(trx, generateEvents(options.events, ids.length, options.items), ids);
    // Latest activity follows from the events, as the tracker would set it.
    await trx(TABLE.customers).update({
      last_activity_at: trx(TABLE.events)
        .max('occurred_at')
        .where('customer_id', trx.ref(`${TABLE.customers}.id`)),
    });
    const now = new Date();
    await trx(TABLE.segments).insert(
      DEMO_SEGMENTS.map((s) => ({
        document_id: newDocumentId(),
        name: s.name,
        segment_id: s.segmentId,
        kind: s.kind,
        rules: s.rules ? JSON.stringify(s.rules) : null,
        member_count: 0,
        created_at: now,
        updated_at: now,
      }))
    );
  });
  // The external segment's members, as a CRM would push them: every 15th customer.
  const knex = knexOf(strapi);
  const external = await knex(TABLE.segments).where('segment_id', 'ev-launch').first();
  const members = await knex(TABLE.customers).select('id').whereRaw('id % 15 = 0');
  for (let i = 0; i < members.length; i += 200) {
    await knex(TABLE.memberships).insert(
      members.slice(i, i + 200).map((m: { id: number }) => ({
        segment_id: external.id,
        customer_id: m.id,
        added_at: new Date(),
      }))
    );
  }
  await knex(TABLE.segments)
    .where('id', external.id)
    .update({ member_count: members.length, last_computed_at: new Date() });
  const engine = strapi.plugin('segments').service('segment-refresh');
  for (const segment of await knexOf(strapi)(TABLE.segments).where('kind', 'rule')) {
    await engine.recompute(segment.id);
  }
  await store.set({ value: { seededAt: new Date().toISOString() } });
  return { seeded: true, ...(await demoCounts(strapi)) };
};
