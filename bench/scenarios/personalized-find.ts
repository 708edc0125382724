import type { Core } from '@strapi/strapi';
import { contentApiClient } from '../../tests/helpers/users';
import { percentile } from '../lib/stats';
import type { BenchContext, Scenario } from './types';

const PROMO = 'api::promo.promo';
const ENTRIES = 25;
const BLOCKS = 10;
const ROUNDS = { full: 200, quick: 40 };
const WARMUP = 5;
const URL = `/api/promos?populate=*&pagination[pageSize]=${ENTRIES}`;

const hero = (segment: string | null, headline: string) => ({
  __component: 'promo.hero',
  headline,
  audience: segment ? { segment, abTest: null, variant: null } : null,
});

/**
 * 25 promos for the member's segment or everyone, each with 10 blocks (targeted heroes, a
 * fallback hero, texts) and 25 for another segment, which the filter must leave out; and one
 * customer in the segment.
 */
const prepare = async (ctx: BenchContext, strapi: Core.Strapi) => {
  const admin = await ctx.admin();
  const created = await admin.post('/segments/segments', {
    name: 'Benchmark: personalized find',
    segmentId: 'bench-personalized',
    kind: 'external',
  });
  if (created.status !== 201) throw new Error(`segment: ${JSON.stringify(created.body)}`);
  const customer = await admin.post('/segments/customers', { emails: ['bench-vip@example.com'] });
  await admin.put(`/segments/segments/${created.body.data.documentId}/members`, {
    emails: ['bench-vip@example.com'],
  });
  const blocks = (i: number) => [
    hero('bench-personalized', `For members ${i}`),
    hero('bench-other', `For others ${i}`),
    hero(null, `For everyone ${i}`),
    ...Array.from({ length: BLOCKS - 3 }, (_, k) => ({
      __component: 'promo.text',
      body: `Paragraph ${k} of promo ${i}`,
    })),
  ];
  for (let i = 0; i < ENTRIES * 2; i++) {
    const audience =
      i >= ENTRIES
        ? { segment: 'bench-other', abTest: null, variant: null }
        : i % 2 === 0
          ? { segment: 'bench-personalized', abTest: null, variant: null }
          : null;
    await strapi
      .documents(PROMO)
      .create({ data: { title: `Promo ${i}`, audience, blocks: blocks(i) } as any });
  }
  return customer.body.data.documentId as string;
};

/** The overhead of personalization on a content API `find`, against the same unfiltered request. */
export default {
  name: 'personalized-find',
  description:
    `Target: under 5 ms at p95. \`GET /api/promos?populate=*\` of ${ENTRIES} entries with ` +
    `${BLOCKS} blocks each (dynamic zone), with \`X-Customer-Id\` of a customer in one segment ` +
    `(the entries and blocks of another segment are filtered out: ${ENTRIES * 2} entries in ` +
    'the table), against the same request with `?personalize=false`; the two alternate, ' +
    `${ROUNDS.full} of each (${ROUNDS.quick} with --quick). The figure is the difference of ` +
    'the p50s and p95s; the absolute times are beside it.',
  unit: 'ms',
  needs: ['strapi'],
  targets: { sqlite: { atMost: 5 }, postgres: { atMost: 5 } },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const customerId = await prepare(ctx, strapi);
    const api = await contentApiClient(strapi, { token: true });
    const personalized = () => api.get(URL).set('X-Customer-Id', customerId);
    const plain = () => api.get(`${URL}&personalize=false`);
    const check = async (req: ReturnType<typeof plain>, entries: number) => {
      const started = performance.now();
      const res = await req;
      const ms = performance.now() - started;
      if (res.status !== 200 || res.body.data.length !== entries)
        throw new Error(`GET ${URL}: ${res.status}, ${res.body?.data?.length} entries`);
      return ms;
    };
    for (let i = 0; i < WARMUP; i++) {
      await check(personalized(), ENTRIES);
      await check(plain(), ENTRIES);
    }
    const withTimes: number[] = [];
    const withoutTimes: number[] = [];
    const rounds = ctx.quick ? ROUNDS.quick : ROUNDS.full;
    for (let i = 0; i < rounds; i++) {
      withTimes.push(await check(personalized(), ENTRIES));
      withoutTimes.push(await check(plain(), ENTRIES));
    }
    const p = (values: number[], n: number) => percentile(values, n);
    const fmt = (n: number) => n.toFixed(1);
    return {
      p50: Math.max(0, p(withTimes, 50) - p(withoutTimes, 50)),
      p95: Math.max(0, p(withTimes, 95) - p(withoutTimes, 95)),
      requests: rounds * 2,
      extra:
        `personalized p50 ${fmt(p(withTimes, 50))} / p95 ${fmt(p(withTimes, 95))} ms, ` +
        `personalize=false p50 ${fmt(p(withoutTimes, 50))} / p95 ${fmt(p(withoutTimes, 95))} ms`,
    };
  },
} satisfies Scenario;
