import type { Knex } from 'knex';
import { referencedSegments } from '../../../contracts/segment-rules-schema';
import { matchingCustomerIds } from './compile';
import type { CompileContext } from './context';
import type { RuleSegment } from './membership';

/** Segments per UNION ALL query: SQLite allows 500 terms in a compound SELECT. */
const UNION_TERMS = 100;
/** How long a compiled query is reused: its time windows are at most this much behind. */
const REUSE_MS = 1000;
/** Stand-ins for the customer ids while compiling, found again among the bindings. */
const ID_STAND_IN = -4_000_000_000_000_000;

interface Compiled {
  sql: string;
  bindings: Knex.Value[];
  /** Positions in `bindings` of the customer ids, and which id (its index) goes there. */
  idSlots: [slot: number, index: number][];
  compiledAt: number;
}

/** Compiled queries by segments, rules and number of customers; kept by the engine service. */
export type LevelQueryCache = Map<string, Compiled>;

/**
 * Customer lists are padded (the last id repeated) to a power of two, so that batches of
 * similar size share one compiled query.
 */
const padded = (ids: number[]) => {
  if (ids.length <= 1 || ids.length > 512) return ids;
  const size = 2 ** Math.ceil(Math.log2(ids.length));
  return [...ids, ...Array<number>(size - ids.length).fill(ids[ids.length - 1])];
};

const keyOf = (ctx: CompileContext, segments: RuleSegment[], idCount: number) =>
  [
    ctx.mode,
    idCount,
    ctx.inlined?.key ?? '',
    ...segments.map(
      (s) =>
        `${s.id}=${JSON.stringify(s.rules)}>${referencedSegments(s.rules)
          .map((r) => ctx.segmentRowId(r))
          .join(',')}`
    ),
  ].join('|');

/** One UNION ALL query: for each segment, its id and the customers among `ids` it matches. */
const compile = (ctx: CompileContext, segments: RuleSegment[], idCount: number): Compiled => {
  const standIns = Array.from({ length: idCount }, (_, i) => ID_STAND_IN - i);
  const parts = segments.map((segment) =>
    matchingCustomerIds(segment.rules, ctx, standIns)
      .clearSelect()
      .select(ctx.knex.raw('? as segment_id', [segment.id]), 'c.id as customer_id')
      .toSQL()
  );
  const bindings = parts.flatMap((p) => p.bindings as Knex.Value[]);
  const idSlots: [number, number][] = [];
  bindings.forEach((value, slot) => {
    if (typeof value === 'number' && value <= ID_STAND_IN && value > ID_STAND_IN - idCount)
      idSlots.push([slot, ID_STAND_IN - value]);
  });
  return {
    sql: parts.map((p) => p.sql).join(' UNION ALL '),
    bindings,
    idSlots,
    compiledAt: ctx.now.getTime(),
  };
};

/**
 * The queries that evaluate `segments` (none referring to another of them) for some customers:
 * one UNION ALL query per up to 100 segments. Compiling 20 rule trees through knex costs about
 * as much as running them for one customer, so the SQL is kept for a second and reused with
 * the new customer ids.
 */
export const levelQueries = (
  ctx: CompileContext,
  segments: RuleSegment[],
  customerIds: number[],
  cache?: LevelQueryCache
): { sql: string; bindings: Knex.Value[] }[] => {
  const ids = padded(customerIds);
  // Each term binds every customer id; SQLite allows 32,766 bound values in a statement.
  const terms = Math.max(1, Math.min(UNION_TERMS, Math.floor(16_000 / ids.length)));
  const queries: { sql: string; bindings: Knex.Value[] }[] = [];
  for (let i = 0; i < segments.length; i += terms) {
    const chunk = segments.slice(i, i + terms);
    const key = keyOf(ctx, chunk, ids.length);
    let compiled = cache?.get(key);
    if (!compiled || Math.abs(ctx.now.getTime() - compiled.compiledAt) > REUSE_MS) {
      compiled = compile(ctx, chunk, ids.length);
      if (cache) {
        if (cache.size > 200) cache.clear();
        cache.set(key, compiled);
      }
    }
    const bindings = [...compiled.bindings];
    for (const [slot, index] of compiled.idSlots) bindings[slot] = ids[index];
    queries.push({ sql: compiled.sql, bindings });
  }
  return queries;
};
