import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { isPostgres, queryPrepared, rowsOf, withConnection } from '../database/prepared';
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

/** Rows per membership write: knex's multi-row insert on SQLite is a compound SELECT. */
const WRITE_CHUNK = 100;

/**
 * PostgreSQL: a level's joins, leaves and member counts in one statement (data-modifying CTEs),
 * so one round trip and one commit. Returns each changed segment's change.
 */
const WRITE_LEVEL_PG = `
  WITH ins AS (
    INSERT INTO "${TABLE.memberships}" (segment_id, customer_id, added_at)
    SELECT s, c, $5::timestamp FROM unnest($1::int[], $2::int[]) AS j(s, c)
    ON CONFLICT (segment_id, customer_id) DO NOTHING
    RETURNING segment_id),
  del AS (
    DELETE FROM "${TABLE.memberships}" m USING unnest($3::int[], $4::int[]) AS l(s, c)
    WHERE m.segment_id = l.s AND m.customer_id = l.c
    RETURNING m.segment_id),
  changes AS (
    SELECT segment_id, sum(d)::int AS d
    FROM (SELECT segment_id, 1 AS d FROM ins UNION ALL SELECT segment_id, -1 FROM del) x
    GROUP BY segment_id)
  UPDATE "${TABLE.segments}" s SET member_count = s.member_count + changes.d
  FROM changes WHERE s.id = changes.segment_id AND changes.d <> 0
  RETURNING s.id AS segment_id, changes.d`;

const writeLevelPostgres = (
  knex: Knex,
  joining: [number, number][],
  leaving: [number, number][],
  now: Date
) =>
  withConnection(
    knex,
    async (connection: {
      query: (q: object) => Promise<{ rows: { segment_id: number; d: number }[] }>;
    }) =>
      (
        await connection.query({
          name: 'segments_write_level',
          text: WRITE_LEVEL_PG,
          values: [
            joining.map(([s]) => s),
            joining.map(([, c]) => c),
            leaving.map(([s]) => s),
            leaving.map(([, c]) => c),
            now,
          ],
        })
      ).rows
  );

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

const pairOf = (key: string) => key.split(':').map(Number) as [number, number];

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
  /** Checked beside the first queries: when it answers false, nothing is written (null). */
  stillCurrent?: Promise<boolean>
): Promise<Map<number, number> | null> => {
  const deltas = new Map<number, number>();
  if (customerIds.length === 0 || segments.length === 0) return deltas;
  const single = { ...ctx, mode: 'single' as const };
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
    stillCurrent ?? true,
  ]);
  if (!unchanged) return null;
  const current = new Set<string>(
    currentRows.map(
      (r: { segment_id: number; customer_id: number }) => `${r.segment_id}:${r.customer_id}`
    )
  );
  const change = (segmentId: number, by: number) =>
    deltas.set(segmentId, (deltas.get(segmentId) ?? 0) + by);
  // SQLite: writes, and the reads after the first write, go through one transaction opened at
  // the first write, one commit per refresh. PostgreSQL: one statement per level that changed.
  const postgres = isPostgres(ctx.knex);
  /** Changes PostgreSQL wrote with the member counts already (see writeLevelPostgres). */
  const written = new Map<number, number>();
  let trx: Knex.Transaction | undefined;
  const writer = async () => (trx ??= await ctx.knex.transaction());
  try {
    for (const [index, level] of levels.entries()) {
      const matched =
        index === 0
          ? firstMatched
          : await matchingPairs({ ...single, knex: trx ?? ctx.knex }, level, customerIds, cache);
      const inLevel = new Set(level.map((s) => s.id));
      const joining = [...matched].filter((key) => !current.has(key)).map(pairOf);
      const leaving = [...current]
        .filter((key) => inLevel.has(pairOf(key)[0]) && !matched.has(key))
        .map(pairOf);
      if (joining.length === 0 && leaving.length === 0) continue;
      if (postgres) {
        for (const r of await writeLevelPostgres(ctx.knex, joining, leaving, ctx.now))
          written.set(Number(r.segment_id), Number(r.d));
        continue;
      }
      // Another refresh of the same customers (or a full recompute) may run at the same time,
      // so a row may be there already, or gone: count only the rows written.
      for (let i = 0; i < joining.length; i += WRITE_CHUNK) {
        const added: { segment_id: number }[] = await (
          await writer()
        )(TABLE.memberships)
          .insert(
            joining.slice(i, i + WRITE_CHUNK).map(([segmentId, customerId]) => ({
              segment_id: segmentId,
              customer_id: customerId,
              added_at: ctx.now,
            }))
          )
          .onConflict(['segment_id', 'customer_id'])
          .ignore()
          .returning('segment_id');
        added.forEach((r) => change(Number(r.segment_id), 1));
      }
      for (let i = 0; i < leaving.length; i += WRITE_CHUNK) {
        const db = await writer();
        // knex answers a count for a DELETE on SQLite even with returning(): RETURNING by hand.
        const del = db(TABLE.memberships)
          .whereIn(['segment_id', 'customer_id'], leaving.slice(i, i + WRITE_CHUNK))
          .delete()
          .toSQL();
        const removed = rowsOf<{ segment_id: number }>(
          await db.raw(`${del.sql} RETURNING segment_id`, del.bindings as Knex.Value[])
        );
        removed.forEach((r) => change(Number(r.segment_id), -1));
      }
    }
    for (const [id, delta] of deltas) if (delta === 0) deltas.delete(id);
    if (deltas.size > 0) await addToMemberCounts(await writer(), deltas);
    await trx?.commit();
  } catch (error) {
    await trx?.rollback();
    throw error;
  }
  written.forEach((delta, id) => deltas.set(id, delta));
  return deltas;
};

/** Adds each segment's change to its member count, in one statement. */
const addToMemberCounts = (knex: Knex, deltas: Map<number, number>) => {
  const changes = [...deltas];
  return knex(TABLE.segments)
    .whereIn(
      'id',
      changes.map(([id]) => id)
    )
    .update({
      member_count: knex.raw(
        `member_count + CASE id ${changes.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END`,
        changes.flat()
      ),
    });
};
