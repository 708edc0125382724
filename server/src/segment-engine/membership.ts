import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import {
  membershipWriter,
  oneStatementRefresh,
  type MembershipPair,
} from '../database/memberships';
import { queryPrepared } from '../database/prepared';
import type { RuleNode } from '../../../contracts/segment-rules';
import { matchingCustomerIds } from './compile';
import { levelQueries, type LevelQueryCache } from './level-query';
import type { CompileContext } from './context';
import { dependencyLevels } from './order';

/** A rule segment as the engine needs it. */
export interface RuleSegment {
  id: number;
  segmentId: string;
  rules: RuleNode;
}

/**
 * Recomputes a whole segment in one transaction, as a difference: members who no longer match
 * leave, new matches join (keeping when existing members joined). Returns the member count.
 */
export const recomputeMembers = async (ctx: CompileContext, segment: RuleSegment) =>
  ctx.knex.transaction(async (trx) => {
    const tctx = { ...ctx, knex: trx as unknown as Knex, mode: 'set' as const };
    await trx(TABLE.memberships)
      .where('segment_id', segment.id)
      .whereNotIn('customer_id', matchingCustomerIds(segment.rules, tctx))
      .delete();
    const joining = matchingCustomerIds(segment.rules, tctx)
      .clearSelect()
      .select(trx.raw('? as segment_id', [segment.id]), 'c.id', trx.raw('? as added_at', [ctx.now]))
      .whereNotIn(
        'c.id',
        trx(TABLE.memberships).select('customer_id').where('segment_id', segment.id)
      );
    const { sql, bindings } = joining.toSQL();
    await trx.raw(`INSERT INTO ?? (segment_id, customer_id, added_at) ${sql}`, [
      TABLE.memberships,
      ...bindings,
    ]);
    const [{ n }] = await trx(TABLE.memberships).where('segment_id', segment.id).count({ n: '*' });
    return Number(n);
  });

/** The fingerprint of the segments table the caller's segments were loaded at. */
export interface SegmentsGuard {
  version: string;
  /** True when the table still has that fingerprint. */
  check(): Promise<boolean>;
}

/** Which of `customerIds` each segment matches, as "segment:customer" keys. */
const matchingPairs = async (
  ctx: CompileContext,
  level: RuleSegment[],
  customerIds: number[],
  cache?: LevelQueryCache
) => {
  const pairs = new Set<string>();
  for (const { sql, bindings } of levelQueries(ctx, level, customerIds, cache)) {
    const rows = await queryPrepared<{ segment_id: number | string; customer_id: number | string }>(
      ctx.knex,
      sql,
      bindings
    );
    for (const r of rows) pairs.add(`${Number(r.segment_id)}:${Number(r.customer_id)}`);
  }
  return pairs;
};

const pairOf = (key: string) => key.split(':').map(Number) as MembershipPair;

/**
 * Re-evaluates some customers against some segments, in the given order (a segment after the
 * segments it refers to). One query reads their current memberships; one UNION ALL query per
 * dependency level evaluates every segment of the level for the whole batch; only the
 * differences are written, a level's before the next level is evaluated. Returns the segments
 * whose members changed, with the change.
 */
export const refreshMembers = async (
  ctx: CompileContext,
  segments: RuleSegment[],
  customerIds: number[],
  cache?: LevelQueryCache,
  /**
   * The segments table's fingerprint the segments were loaded at: when it has changed since,
   * nothing is written (null). Checked beside the first queries, or inside the one statement.
   */
  stillCurrent?: SegmentsGuard
): Promise<Map<number, number> | null> => {
  const deltas = new Map<number, number>();
  if (customerIds.length === 0 || segments.length === 0) return deltas;
  const single = { ...ctx, mode: 'single' as const };
  const inOneStatement = ctx.inlined ? oneStatementRefresh(ctx.knex) : null;
  if (inOneStatement) {
    const queries = levelQueries(single, segments, customerIds, cache);
    if (queries.length === 1)
      return inOneStatement({
        match: queries[0],
        segmentIds: segments.map((s) => s.id),
        customerIds,
        now: ctx.now,
        // Without a fingerprint to hold to (segments just loaded), nothing is checked.
        version: stillCurrent?.version ?? null,
      });
  }
  // With references compiled inline every segment is evaluated in one query.
  const levels = ctx.inlined ? [segments] : dependencyLevels(segments);
  // Independent: on PostgreSQL they run at once, on two connections.
  const [currentRows, firstMatched, unchanged] = await Promise.all([
    ctx
      .knex(TABLE.memberships)
      .select('segment_id', 'customer_id')
      .whereIn('customer_id', customerIds)
      .whereIn(
        'segment_id',
        segments.map((s) => s.id)
      ),
    matchingPairs(single, levels[0], customerIds, cache),
    stillCurrent ? stillCurrent.check() : true,
  ]);
  if (!unchanged) return null;
  const current = new Set<string>(
    currentRows.map(
      (r: { segment_id: number; customer_id: number }) => `${r.segment_id}:${r.customer_id}`
    )
  );
  const writer = membershipWriter(ctx.knex, ctx.now);
  try {
    for (const [index, level] of levels.entries()) {
      const matched =
        index === 0
          ? firstMatched
          : await matchingPairs({ ...single, knex: writer.reader() }, level, customerIds, cache);
      const inLevel = new Set(level.map((s) => s.id));
      const joining = [...matched].filter((key) => !current.has(key)).map(pairOf);
      const leaving = [...current]
        .filter((key) => inLevel.has(pairOf(key)[0]) && !matched.has(key))
        .map(pairOf);
      if (joining.length === 0 && leaving.length === 0) continue;
      await writer.write(joining, leaving);
    }
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
};
