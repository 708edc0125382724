import type { AddressInfo } from 'node:net';
import { TABLE } from '../../contracts/constants';
import { contentItems } from '../lib/dataset';
import { createSegment } from '../lib/segments';
import { percentile } from '../lib/stats';
import type { Scenario } from './types';

const CLIENTS = 16;
const BATCH = 20;
/** Known customers the visits come from (their documentIds name them); a tenth are new visitors. */
const KNOWN_VISITORS = 4000;
const ANONYMOUS_SHARE = 0.1;
const SECONDS = { full: 30, quick: 5 };
/** How long the memberships may take to catch up before the scenario gives up. */
const CATCH_UP_LIMIT_MS = 120_000;
const URL_PREFIX = 'https://shop.example.com/ingest/';

/** A small deterministic generator, so every run sends the same kind of traffic. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};

/** Events arriving from many visitors at once, as the tracking snippet sends them. */
export default {
  name: 'tracking-ingest',
  description:
    'Target: 5,000 events/s or more on SQLite, memberships up to date within 2 s. Creates a ' +
    `rule segment "did PageVisit on a URL under ${URL_PREFIX} at least once" (no customer is in ` +
    `it before), then ${CLIENTS} concurrent clients send \`POST /api/segments/events\` over ` +
    `loopback HTTP (keep-alive), ${BATCH} events a request (PageVisits with UTM tags and Views ` +
    `of items), for ${SECONDS.full} s (${SECONDS.quick} s with --quick); each request names ` +
    `one of ${KNOWN_VISITORS.toLocaleString('en-US')} known customers by documentId, or ` +
    `(${ANONYMOUS_SHARE * 100}% of requests) a new anonymous visitor id, which makes an ` +
    'anonymous customer. The figure is events accepted per second of sending; after the last ' +
    'answer the scenario polls the memberships until every visitor who sent events is in the ' +
    'segment (the catch-up time). The rate limits are raised through the playground config ' +
    '(SEGMENTS_TRACKING_PER_IP / _PER_VISITOR, set by bench/run.ts), not switched off.',
  unit: 'rows/s',
  needs: ['customers'],
  targets: { sqlite: { atLeast: 5000 } },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const segment = await createSegment(ctx, {
      name: 'Benchmark: visited the ingest pages',
      segmentId: 'bench-ingest',
      rules: {
        kind: 'group',
        op: 'and',
        children: [
          {
            kind: 'event',
            did: true,
            eventType: 'PageVisit',
            target: { type: 'url', pattern: `${URL_PREFIX}*` },
            count: { operator: 'atLeast', value: 1 },
            window: { type: 'ever' },
          },
        ],
      },
    });
    const { ids } = await ctx.loadedCustomers();
    const picked = Array.from(
      { length: Math.min(KNOWN_VISITORS, ids.length) },
      (_, k) => ids[Math.floor(((k + 0.5) * ids.length) / Math.min(KNOWN_VISITORS, ids.length))]
    );
    const known: string[] = [];
    for (let i = 0; i < picked.length; i += 500) {
      const rows = await knex(TABLE.customers)
        .select('document_id')
        .whereIn('id', picked.slice(i, i + 500));
      known.push(...rows.map((r: { document_id: string }) => r.document_id));
    }
    const items = contentItems(1000);
    const { port } = strapi.server.httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/segments/events`;

    const visitors = new Set<string>();
    const latencies: number[] = [];
    let events = 0;
    let anonymous = 0;
    const send = async (next: () => number, client: number, n: number) => {
      const visitor =
        next() < ANONYMOUS_SHARE
          ? `bench-anon-${ctx.engine}-${client}-${n}-${anonymous++}`
          : known[Math.floor(next() * known.length)];
      const batch = Array.from({ length: BATCH }, (_, i) => {
        if (i % 2 === 0) {
          return {
            type: 'PageVisit',
            url: `${URL_PREFIX}page-${Math.floor(next() * 500)}`,
            referrer: 'https://www.example.org/',
            utmSource: 'newsletter',
            utmMedium: 'email',
            utmCampaign: `bench-${client}`,
          };
        }
        const item = items[Math.floor(next() * items.length)];
        return {
          type: 'View',
          item: { uid: item.uid, documentId: item.documentId },
          url: `https://shop.example.com/articles/${item.slug}`,
        };
      });
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Customer-Id': visitor },
        body: JSON.stringify({ events: batch }),
      });
      const body = (await res.json()) as { data?: { customerId: string; recorded: number } };
      if (res.status !== 202 || !body.data) {
        throw new Error(`POST /api/segments/events: ${res.status} ${JSON.stringify(body)}`);
      }
      latencies.push(performance.now() - started);
      visitors.add(body.data.customerId);
      return body.data.recorded;
    };

    // A few requests first, untimed: the first ones pay for plans and JIT.
    const warm = random(7);
    for (let n = 0; n < 20; n++) await send(warm, 99, n);
    latencies.length = 0;

    const seconds = ctx.quick ? SECONDS.quick : SECONDS.full;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const next = random(client + 1);
        for (let n = 0; performance.now() < until; n++) {
          const recorded = await send(next, client, n);
          events += recorded;
        }
      })
    );
    const sent = performance.now();
    const elapsed = (sent - started) / 1000;

    // Every visitor who sent a PageVisit under the prefix must now be in the segment.
    const members = async () =>
      Number(
        (await knex(TABLE.memberships).where('segment_id', segment.rowId).count({ n: '*' }))[0].n
      );
    let inSegment = await members();
    while (inSegment < visitors.size && performance.now() - sent < CATCH_UP_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      inSegment = await members();
    }
    const catchUp = (performance.now() - sent) / 1000;
    if (inSegment < visitors.size) {
      throw new Error(
        `after ${catchUp.toFixed(0)} s only ${inSegment} of ${visitors.size} visitors are in the segment`
      );
    }
    return {
      rows: events,
      seconds: elapsed,
      extra:
        `memberships up to date ${catchUp.toFixed(2)} s after the last answer ` +
        `(${visitors.size.toLocaleString('en-US')} visitors, ${anonymous} new); request ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} / p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    };
  },
} satisfies Scenario;
