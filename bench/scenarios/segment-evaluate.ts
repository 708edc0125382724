import { TABLE } from '../../contracts/constants';
import { writePlans } from '../lib/explain';
import {
  createSegment,
  deleteSegment,
  lastComputationSeconds,
  segmentRefresh,
} from '../lib/segments';
import { segmentTree, tuneSegmentRule } from '../lib/segment-rule';
import type { Scenario } from './types';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** A whole rule segment computed by the engine over N customers and M events. */
export default {
  name: 'segment-evaluate',
  description:
    'Target: under 3 s at 1,000,000 customers and 10,000,000 events, on both engines. Creates ' +
    'a rule segment through `POST /segments/segments` (gender female AND viewed anything at ' +
    'least k times in the last d days, k and d chosen so that about 10% of the customers match: ' +
    'd = 30 whenever a k gets within a factor 1.5 of 10%), waits for the computation the API ' +
    'starts, empties its memberships, then times `recompute(rowId)` of the segment-refresh service: the ' +
    'segment query and every membership written. Also writes the EXPLAIN of the segment and ' +
    'list/search queries to bench/.data/plans-<engine>-<N>.txt (not timed).',
  unit: 's',
  needs: ['customers', 'events'],
  targets: { sqlite: { atMost: 3 }, postgres: { atMost: 3 } },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const rule = tuneSegmentRule(ctx.customers, ctx.events);
    const rules = segmentTree(rule);
    const segment = await createSegment(ctx, {
      name: 'Benchmark: women who viewed recently',
      segmentId: 'bench-evaluate',
      rules,
    });
    const first = await lastComputationSeconds(strapi, segment.rowId);
    await knex(TABLE.memberships).where('segment_id', segment.rowId).delete();

    const started = performance.now();
    const result = await segmentRefresh(strapi).recompute(segment.rowId);
    const seconds = (performance.now() - started) / 1000;
    if ('skipped' in result) throw new Error('recompute skipped the segment (lease held?)');

    const { ids, samples } = await ctx.loadedCustomers();
    const plans = await writePlans(
      strapi,
      ctx.engine,
      ctx.customers,
      { tree: rules, rowId: segment.rowId },
      samples[0],
      ids[0]
    );
    await deleteSegment(strapi, segment);
    const share = result.memberCount / ctx.customers;
    return {
      seconds,
      extra:
        `${result.memberCount.toLocaleString('en-US')} memberships written (${percent(share)} of N, ` +
        `expected ${percent(rule.expected)}; View >= ${rule.atLeast} in ${rule.days} days); ` +
        `the API's first computation ${first.toFixed(2)} s; plans in ${plans}`,
    };
  },
} satisfies Scenario;
