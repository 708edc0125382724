import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { isPostgres, queryPrepared, rowsOf, withConnection } from '../database/prepared';
import type { RuleNode } from '../../../contracts/segment-rules';
import { matchingCustomerIds } from './compile';
import { levelQueries, type LevelQueryCache } from './level-query';
import type { CompileContext } from './context';
import { dependencyLevels } from './order';
import { SEGMENTS_VERSION_SQL } from '../database/segment-rows';

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
 * The CTEs that follow `ins` and `del` (each returning the segment_id of a row written) in a
 * PostgreSQL membership write: each segment's change, added to its member count (`upd`).
 */
const COUNT_CHANGES = `changes AS (SELECT segment_id, CAST(sum(d) AS integer) AS d
    FROM (SELECT segment_id, 1 AS d FROM ins UNION ALL SELECT segment_id, -1 FROM del) x
    GROUP BY segment_id),
  upd AS (UPDATE "${TABLE.segments}" s SET member_count = s.member_count + changes.d
    FROM changes WHERE s.id = changes.segment_id AND changes.d <> 0
    RETURNING s.id AS segment_id, changes.d)`;

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
  ${COUNT_CHANGES}
  SELECT segment_id, d FROM upd`;

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

/** The fingerprint of the segments table the caller's segments were loaded at. */
export interface SegmentsGuard {
  version: string;
  /** True when the table still has that fingerprint. */
  check(): Promise<boolean>;
}

/** A PostgreSQL array literal of ids (a bound array would be spread into a list by knex). */
const intArray = (ids: number[]) => `{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`;

/**
 * PostgreSQL, every segment in one query (references inline): the matches, the current
 * memberships, the joins and leaves and the member counts in one statement of data-modifying
 * CTEs, which writes only when the segments table still has the caller's fingerprint. One round
 * trip per refresh. The UNION of the segments gives `segment_id` as a bound value (text).
 */
const refreshStatement = (matchSql: string) => `
  WITH ok AS (SELECT CAST(? AS text) IS NULL OR (${SEGMENTS_VERSION_SQL}) = CAST(? AS text) AS ok),
  matched AS (SELECT DISTINCT CAST(segment_id AS integer) AS segment_id, customer_id
    FROM (${matchSql}) AS u),
  cur AS (SELECT segment_id, customer_id FROM "${TABLE.memberships}"
    WHERE customer_id = ANY(CAST(? AS integer[])) AND segment_id = ANY(CAST(? AS integer[]))),
  ins AS (INSERT INTO "${TABLE.memberships}" (segment_id, customer_id, added_at)
    SELECT m.segment_id, m.customer_id, CAST(? AS timestamp) FROM matched m
    WHERE (SELECT ok FROM ok) AND NOT EXISTS (SELECT 1 FROM cur
      WHERE cur.segment_id = m.segment_id AND cur.customer_id = m.customer_id)
    ON CONFLICT (segment_id, customer_id) DO NOTHING
    RETURNING segment_id),
  del AS (DELETE FROM "${TABLE.memberships}" d USING cur
    WHERE (SELECT ok FROM ok) AND d.segment_id = cur.segment_id
      AND d.customer_id = cur.customer_id
      AND NOT EXISTS (SELECT 1 FROM matched m
        WHERE m.segment_id = cur.segment_id AND m.customer_id = cur.customer_id)
    RETURNING d.segment_id),
  ${COUNT_CHANGES}
  SELECT (SELECT ok FROM ok) AS ok, NULL AS segment_id, NULL AS d
  UNION ALL SELECT NULL, segment_id, d FROM upd`;

const refreshInOneStatement = async (
  ctx: CompileContext,
  segments: RuleSegment[],
  customerIds: number[],
  match: { sql: string; bindings: Knex.Value[] },
  stillCurrent?: SegmentsGuard
): Promise<Map<number, number> | null> => {
  // Without a fingerprint to hold to (segments just loaded), nothing is checked.
  const version = stillCurrent?.version ?? null;
  const rows = await queryPrepared<{ ok: boolean | null; segment_id: number | null; d: number }>(
    ctx.knex,
    refreshStatement(match.sql),
    [
      version,
      version,
      ...match.bindings,
      intArray(customerIds),
      intArray(segments.map((s) => s.id)),
      ctx.now,
    ]
  );
  const ok = rows.find((r) => r.ok !== null)?.ok;
  if (stillCurrent && ok === false) return null;
  const deltas = new Map<number, number>();
  for (const r of rows) if (r.segment_id !== null) deltas.set(Number(r.segment_id), Number(r.d));
  return deltas;
};

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
  /**
   * The segments table's fingerprint the segments were loaded at: when it has changed since,
   * nothing is written (null). Checked beside the first queries, or inside the one statement.
   */
  stillCurrent?: SegmentsGuard
): Promise<Map<number, number> | null> => {
  const deltas = new Map<number, number>();
  if (customerIds.length === 0 || segments.length === 0) return deltas;
  const single = { ...ctx, mode: 'single' as const };
  if (ctx.inlined && isPostgres(ctx.knex)) {
    const queries = levelQueries(single, segments, customerIds, cache);
    if (queries.length === 1)
      return refreshInOneStatement(ctx, segments, customerIds, queries[0], stillCurrent);
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
