import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../../contracts/constants';
import type { RuleNode } from '../../contracts/segment-rules';
import { applyCustomerFilters } from '../../server/src/database/customer-filters';
import { knexOf } from '../../server/src/database/knex';
import { matchingCustomerIds } from '../../server/src/segment-engine/compile';
import type { CompileContext } from '../../server/src/segment-engine/context';
import { createCompileContext } from '../../server/src/segment-engine/context-factory';
import type { CustomerSample, Engine } from '../scenarios/types';
import { ROOT } from './environment';

/** Where the plans go: bench/.data is not in the repository. */
export const PLANS_DIR = path.join(ROOT, 'bench', '.data');

/**
 * An EXPLAIN of one query with its wall-clock time: EXPLAIN ANALYZE on PostgreSQL. With
 * `execute: false` (statements that write), the plan alone and no time.
 */
const explain = async (
  knex: Knex,
  engine: Engine,
  title: string,
  query: Knex.QueryBuilder,
  execute = true
) => {
  const { sql, bindings } = query.toSQL();
  const started = performance.now();
  let plan: string;
  if (engine === 'postgres') {
    const how = execute ? '(ANALYZE, BUFFERS) ' : '';
    const { rows } = await knex.raw(`EXPLAIN ${how}${sql}`, bindings as any[]);
    plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } else {
    const rows: { id: number; parent: number; detail: string }[] = await knex.raw(
      `EXPLAIN QUERY PLAN ${sql}`,
      bindings as any[]
    );
    const depth = new Map<number, number>([[0, 0]]);
    plan = rows
      .map((r) => {
        depth.set(r.id, (depth.get(r.parent) ?? 0) + 1);
        return `${'  '.repeat(depth.get(r.id)! - 1)}${r.detail}`;
      })
      .join('\n');
    if (execute) await query; // the plan alone takes no time: run the query for its time
  }
  const ms = performance.now() - started;
  const time = execute ? ` (${ms.toFixed(1)} ms)` : ' (plan only, not run)';
  return `### ${title}${time}\n\n${sql}\n\n${plan}\n`;
};

/**
 * The two statements of the engine's next recompute of a segment whose members are in place
 * (server/src/segment-engine/membership.ts): members who left, customers who joined.
 */
const recomputeStatements = (knex: Knex, tree: RuleNode, set: CompileContext, rowId: number) => [
  knex(TABLE.memberships)
    .where('segment_id', rowId)
    .whereNotIn('customer_id', matchingCustomerIds(tree, set))
    .delete(),
  matchingCustomerIds(tree, set).whereNotIn(
    'c.id',
    knex(TABLE.memberships).select('customer_id').where('segment_id', rowId)
  ),
];

/**
 * EXPLAINs the queries the benchmark times, on the loaded data: the segment query in both
 * modes, the statements of a recompute with the members in place (plan only), and the customer
 * list's count and page, plain and for each kind of search. Writes them to
 * bench/.data/plans-<engine>-<N>.txt and returns the file name.
 */
export const writePlans = async (
  strapi: Core.Strapi,
  engine: Engine,
  customers: number,
  segment: { tree: RuleNode; rowId: number },
  sample: CustomerSample,
  customerId: number
) => {
  const { tree, rowId } = segment;
  const knex = knexOf(strapi);
  const set = await createCompileContext(strapi, { mode: 'set' });
  const single = await createCompileContext(strapi, { mode: 'single' });
  const list = (q?: string) => {
    const base = () =>
      applyCustomerFilters(knex, knex(`${TABLE.customers} as c`), q === undefined ? {} : { q });
    return [
      base().count({ total: '*' }),
      base()
        .select('c.id')
        .orderBy([
          { column: 'c.created_at', order: 'desc' },
          { column: 'c.id', order: 'desc' },
        ])
        .limit(50),
    ];
  };
  const queries: [string, Knex.QueryBuilder][] = [
    ['segment, whole set (recompute)', matchingCustomerIds(tree, set)],
    ['segment, one customer (refresh)', matchingCustomerIds(tree, single, [customerId])],
    ...[undefined, sample.email, sample.phone, sample.fullName].flatMap((q) => {
      const [count, page] = list(q);
      const what = q === undefined ? 'list' : `search "${q}"`;
      return [
        [`${what}: count`, count],
        [`${what}: first page`, page],
      ] as [string, Knex.QueryBuilder][];
    }),
  ];
  const sections: string[] = [];
  for (const [title, query] of queries) sections.push(await explain(knex, engine, title, query));
  const [leaving, joining] = recomputeStatements(knex, tree, set, rowId);
  const again = 'recompute with the members in place';
  sections.splice(
    2,
    0,
    await explain(knex, engine, `${again}: members who left`, leaving, false),
    await explain(knex, engine, `${again}: customers who joined`, joining, false)
  );
  fs.mkdirSync(PLANS_DIR, { recursive: true });
  const file = path.join(PLANS_DIR, `plans-${engine}-${customers}.txt`);
  fs.writeFileSync(file, `# ${engine}, ${customers} customers\n\n${sections.join('\n')}`);
  return path.relative(ROOT, file);
};
