import { TABLE } from '../../contracts/constants';
import { newDocumentId } from '../../server/src/database/document-id';
import { contentItems } from '../lib/dataset';
import { REFRESH_SEGMENTS } from '../lib/refresh-segments';
import { createSegment, segmentRefresh } from '../lib/segments';
import { percentile } from '../lib/stats';
import type { Scenario } from './types';

/** Customers timed, spread over the data set; a few more go first, untimed. */
const SAMPLES = 50;
const WARMUP = 3;

/** Re-evaluating one customer against every rule segment after they did something. */
export default {
  name: 'segment-refresh-customer',
  description:
    'Target: p95 under 5 ms on both engines. With the 20 rule segments of ' +
    'bench/lib/refresh-segments.ts created through the API (characteristics, tags, terms, ' +
    'events in several windows and on several targets, UTM, first events, OR / NOT groups, ' +
    'segments of segments), inserts one View event for a customer (untimed) and times the ' +
    '`refreshCustomers([id])` of the segment-refresh service, for 50 customers spread over N. The segments stay ' +
    '(customers-delete-all then deletes their memberships too).',
  unit: 'ms',
  needs: ['customers', 'events'],
  targets: { sqlite: { atMost: 5 }, postgres: { atMost: 5 } },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const engine = segmentRefresh(strapi);
    const started = performance.now();
    for (const spec of REFRESH_SEGMENTS) await createSegment(ctx, spec);
    const setup = (performance.now() - started) / 1000;
    const { ids } = await ctx.loadedCustomers();
    const [item] = contentItems(1);
    const pick = (k: number, of: number) => ids[Math.floor(((k + 0.5) * ids.length) / of)];
    const customers = [
      ...Array.from({ length: WARMUP }, (_, k) => pick(k, WARMUP * 7)),
      ...Array.from({ length: SAMPLES }, (_, k) => pick(k, SAMPLES)),
    ];
    const times: number[] = [];
    for (const [i, id] of customers.entries()) {
      const now = new Date();
      await knex(TABLE.events).insert({
        document_id: newDocumentId(),
        customer_id: id,
        type: 'View',
        item_uid: item.uid,
        item_document_id: item.documentId,
        url: `https://www.example.com/articles/${item.slug}`,
        occurred_at: now,
        created_at: now,
        updated_at: now,
      });
      const t = performance.now();
      await engine.refreshCustomers([id]);
      if (i >= WARMUP) times.push(performance.now() - t);
    }
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      requests: times.length,
      extra: `${REFRESH_SEGMENTS.length} rule segments, created and computed in ${setup.toFixed(1)} s`,
    };
  },
} satisfies Scenario;
