import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { TABLE } from '../../contracts/constants';
import { contentItems } from '../lib/dataset';
import { createSegment } from '../lib/segments';
import { mainThreadCpuMs } from '../lib/thread-cpu';
import { percentile } from '../lib/stats';
import type { Scenario } from './types';

const CLIENTS = 16;
const BATCH = 20;
/** Known customers the visits come from (by a visitor id linked to each); a tenth are new visitors. */
const KNOWN_VISITORS = 4000;
const ANONYMOUS_SHARE = 0.1;
const SECONDS = { full: 30, quick: 5 };
/** How long the memberships may take to catch up before the scenario gives up. */
const CATCH_UP_LIMIT_MS = 120_000;
const URL_PREFIX = 'https://shop.example.com/ingest/';

/** What the client thread (bench/lib/ingest-clients.mjs) reports. */
interface ClientResult {
  events: number;
  seconds: number;
  latencies: number[];
  visitors: string[];
  anonymous: number;
}

/** Events arriving from many visitors at once, as the tracking snippet sends them. */
export default {
  name: 'tracking-ingest',
  description:
    'Target: 5,000 events/s or more on SQLite, memberships up to date within 2 s. Creates a ' +
    `rule segment "did PageVisit on a URL under ${URL_PREFIX} at least once" (no customer is in ` +
    `it before), then ${CLIENTS} concurrent clients (in a thread of their own, ` +
    '`bench/lib/ingest-clients.mjs`, so that they do not take turns with the server) send ' +
    '`POST /api/segments/events` over ' +
    `loopback HTTP (keep-alive), ${BATCH} events a request (PageVisits with UTM tags and Views ` +
    `of items), for ${SECONDS.full} s (${SECONDS.quick} s with --quick); each request names ` +
    `one of ${KNOWN_VISITORS.toLocaleString('en-US')} known customers by a visitor id of theirs, or ` +
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
    // Each known customer gets a visitor id, as a browser that identified has; the clients send it.
    const known = picked.map((id) => `bench-known-${ctx.engine}-${id}-`.padEnd(24, 'x'));
    for (let i = 0; i < picked.length; i += 500) {
      await knex(TABLE.visitorIds)
        .insert(
          picked.slice(i, i + 500).map((id, k) => ({
            customer_id: id,
            visitor_id: known[i + k],
            created_at: new Date(),
          }))
        )
        .onConflict('visitor_id')
        .ignore();
    }
    const items = contentItems(1000);
    const { port } = strapi.server.httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/segments/events`;

    const cpuBefore = mainThreadCpuMs();
    const result = await new Promise<ClientResult>((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, '..', 'lib', 'ingest-clients.mjs'), {
        workerData: {
          url,
          known,
          items,
          clients: CLIENTS,
          batch: BATCH,
          seconds: ctx.quick ? SECONDS.quick : SECONDS.full,
          anonymousShare: ANONYMOUS_SHARE,
          urlPrefix: URL_PREFIX,
          engine: ctx.engine,
        },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const sent = performance.now();
    const cpuAfter = mainThreadCpuMs();
    const { events, latencies, anonymous } = result;
    const visitors = new Set(result.visitors);
    const elapsed = result.seconds;

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
        `p50 ${percentile(latencies, 50).toFixed(0)} / p95 ${percentile(latencies, 95).toFixed(0)} ms` +
        (cpuBefore !== undefined && cpuAfter !== undefined
          ? `; server thread CPU ${(((cpuAfter - cpuBefore) * 1000) / events).toFixed(0)} µs an event`
          : ''),
    };
  },
} satisfies Scenario;
