import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import type { RuleNode } from '../../contracts/segment-rules';
import { ruleTreeSchema } from '../../contracts/segment-rules-schema';
import { knexOf } from '../../server/src/database/knex';
import { queryPrepared } from '../../server/src/database/prepared';
import { matchingCustomerIds } from '../../server/src/segment-engine/compile';
import type { CompileContext } from '../../server/src/segment-engine/context';
import { createCompileContext } from '../../server/src/segment-engine/context-factory';
import { levelQueries, type LevelQueryCache } from '../../server/src/segment-engine/level-query';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { ARTICLE, CATEGORIES, NOW, ruleTree, worldData } from './reference/arbitraries';
import { clearWorld, writeWorld } from './reference/database';
import { evaluate, type World } from './reference/evaluate';

/**
 * The compiled SQL against a reference evaluator written in plain TypeScript
 * (reference/evaluate.ts): generated rule trees over generated customers and events, on the
 * real database engine, for the whole-segment query and the per-customer refresh (with
 * references compiled inline, and read from the memberships). A disagreement fails with the
 * seed and the smallest tree fast-check shrinks it to, with the customers it disagrees on.
 * SEGMENTS_DIFF_SEED and SEGMENTS_DIFF_RUNS (trees per data set) change the run.
 */
const SEED = Number(process.env.SEGMENTS_DIFF_SEED ?? 20_261_207);
const RUNS = Number(process.env.SEGMENTS_DIFF_RUNS ?? 1000);
const DATA_SETS = 2;
const CUSTOMERS = 40;
const EVENTS = 200;

let strapi: Core.Strapi;

/** Trees the rule schema accepts (also while fast-check shrinks one). */
const valid = (trees: fc.Arbitrary<RuleNode>) => trees.filter((t) => ruleTreeSchema.isValidSync(t));
const articles: World['articles'] = [];

/** The customers (indexes) a query returned, from their row ids. */
const indexesOf = (rows: { id?: number; customer_id?: number }[], ids: number[]) =>
  [...new Set(rows.map((r) => ids.indexOf(Number(r.id ?? r.customer_id))))].sort((a, b) => a - b);

/** The per-customer refresh's query (level-query.ts) for a tree, among some customers. */
const refreshQuery = async (
  ctx: CompileContext,
  tree: RuleNode,
  customerIds: number[],
  cache: LevelQueryCache
) => {
  const rows: { customer_id: number }[] = [];
  const segment = { id: 1, segmentId: 'under-test', rules: tree };
  for (const { sql, bindings } of levelQueries(ctx, [segment], customerIds, cache)) {
    rows.push(...(await queryPrepared<{ customer_id: number }>(ctx.knex, sql, bindings)));
  }
  return rows;
};

/** What a failure prints: the tree, and each customer the two disagree on, with its data. */
const disagreement = (
  what: string,
  tree: RuleNode,
  world: World,
  expected: number[],
  got: number[]
) => {
  const differ = [...new Set([...expected, ...got])].filter(
    (i) => expected.includes(i) !== got.includes(i)
  );
  const customers = differ.map((i) => ({
    index: i,
    reference: expected.includes(i),
    sql: got.includes(i),
    customer: world.customers[i],
    events: world.events.filter((e) => e.customer === i),
    inExternal: ['ext-a', 'ext-b'].filter((s) =>
      (world.segments.get(s) as { members: Set<number> }).members.has(i)
    ),
  }));
  return `${what} disagrees with the reference\ntree: ${JSON.stringify(tree)}\ncustomers: ${JSON.stringify(customers, null, 1)}`;
};

describe('the segment compiler agrees with a reference evaluator on generated rules and data', () => {
  before(async () => {
    strapi = await bootStrapi();
    for (const category of [...CATEGORIES, null]) {
      const created = await strapi
        .documents(ARTICLE as 'api::article.article')
        .create({ data: { title: `About ${category}`, category }, status: 'published' } as never);
      articles.push({ uid: ARTICLE, documentId: created.documentId, category });
    }
  });
  after(() => stopStrapi(strapi));

  for (let set = 0; set < DATA_SETS; set++) {
    const seed = SEED + set;
    it(`data set ${set + 1} (seed ${seed}): ${RUNS} trees, whole segment and per customer`, async () => {
      console.log(`# segment differential test: seed ${seed}, ${RUNS} trees`);
      await clearWorld(strapi);
      const documentIds = articles.map((a) => a.documentId);
      const [data] = fc.sample(worldData(CUSTOMERS, EVENTS, documentIds), { seed, numRuns: 1 });
      const [ruleA, extra] = fc.sample(ruleTree(documentIds, { segments: false }), {
        seed: seed + 1,
        numRuns: 2,
      });
      const ruleB: RuleNode = {
        kind: 'group',
        op: 'or',
        children: [
          { kind: 'segment', operator: 'notIn', segmentId: 'rule-a' },
          {
            kind: 'group',
            op: 'and',
            children: [{ kind: 'segment', operator: 'in', segmentId: 'ext-a' }, extra],
          },
        ],
      };
      const { world, ids } = await writeWorld(strapi, data, articles, {
        'rule-a': ruleA,
        'rule-b': ruleB,
      });
      const whole = await createCompileContext(strapi, { mode: 'set', now: NOW });
      const single = await createCompileContext(strapi, { mode: 'single', now: NOW });
      const inline: CompileContext = {
        ...single,
        inlined: {
          rules: new Map([
            ['rule-a', ruleA],
            ['rule-b', ruleB],
          ]),
          key: `diff-${seed}`,
        },
      };
      const cache: LevelQueryCache = new Map();
      const everyone = ids.map((_, i) => i);
      const subset = fc.subarray(everyone, { minLength: 1 });

      await fc.assert(
        fc.asyncProperty(
          valid(ruleTree(documentIds)),
          subset,
          subset,
          async (tree, some, others) => {
            const expected = everyone.filter((i) => evaluate(tree, i, world));
            const among = (chosen: number[]) => expected.filter((i) => chosen.includes(i));
            const check = (what: string, got: number[], want: number[]) => {
              if (JSON.stringify(got) !== JSON.stringify(want))
                throw new Error(disagreement(what, tree, world, want, got));
            };
            check(
              'the whole-segment query',
              indexesOf(await matchingCustomerIds(tree, whole), ids),
              expected
            );
            // Two subsets through one cache: the second may reuse the first's SQL with other ids.
            for (const chosen of [some, others]) {
              const rows = await refreshQuery(
                inline,
                tree,
                chosen.map((i) => ids[i]),
                cache
              );
              check(
                'the per-customer refresh (references inline)',
                indexesOf(rows, ids),
                among(chosen)
              );
            }
            const rows = await refreshQuery(
              single,
              tree,
              some.map((i) => ids[i]),
              cache
            );
            check('the per-customer refresh (memberships)', indexesOf(rows, ids), among(some));
          }
        ),
        { seed, numRuns: RUNS, includeErrorInReport: true }
      );
      assert.ok(knexOf(strapi), 'the database is still there');
    });
  }
});
