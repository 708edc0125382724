import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { isPostgres, queryPrepared, rowsOf, withConnection } from './prepared';
import { SEGMENTS_VERSION_SQL } from './segment-rows';

/** A membership: [segment row id, customer row id]. */
export type MembershipPair = [segmentId: number, customerId: number];

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
  joining: MembershipPair[],
  leaving: MembershipPair[],
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

/** What a refresh in one statement needs: the matching query and what it is about. */
export interface OneStatementRefresh {
  /** A query returning (segment_id, customer_id) for each segment and customer that match. */
  match: { sql: string; bindings: Knex.Value[] };
  segmentIds: number[];
  customerIds: number[];
  now: Date;
  /** The segments table's fingerprint to hold to (null: write whatever it is). */
  version: string | null;
}

/**
 * Refreshes memberships in one round trip, where the engine can (PostgreSQL): evaluates,
 * reads the current memberships and writes the difference and the member counts, all only if
 * the segments table still has `version`. Null when the engine has no such statement; the
 * function then answers each segment's change in member count, or null when the fingerprint
 * had changed (nothing written).
 */
export const oneStatementRefresh = (
  knex: Knex
): ((refresh: OneStatementRefresh) => Promise<Map<number, number> | null>) | null => {
  if (!isPostgres(knex)) return null;
  return async ({ match, segmentIds, customerIds, now, version }) => {
    const rows = await queryPrepared<{ ok: boolean | null; segment_id: number | null; d: number }>(
      knex,
      refreshStatement(match.sql),
      [version, version, ...match.bindings, intArray(customerIds), intArray(segmentIds), now]
    );
    const ok = rows.find((r) => r.ok !== null)?.ok;
    if (version !== null && ok === false) return null;
    const deltas = new Map<number, number>();
    for (const r of rows) if (r.segment_id !== null) deltas.set(Number(r.segment_id), Number(r.d));
    return deltas;
  };
};

/** Writes the memberships that changed, level by level, and their segments' member counts. */
export interface MembershipWriter {
  /** Where the next level's reads go, to see the writes so far. */
  reader(): Knex;
  /** Adds `joining` and removes `leaving` (rows another writer added or removed count not). */
  write(joining: MembershipPair[], leaving: MembershipPair[]): Promise<void>;
  /** Commits; each segment whose member count changed, with the change. */
  finish(): Promise<Map<number, number>>;
  /** Undoes what is not committed yet, after a failure. */
  abort(): Promise<void>;
}

/** PostgreSQL: one statement per level that changed, member counts included, no transaction. */
const postgresWriter = (knex: Knex, now: Date): MembershipWriter => {
  const written = new Map<number, number>();
  return {
    reader: () => knex,
    async write(joining, leaving) {
      for (const r of await writeLevelPostgres(knex, joining, leaving, now))
        written.set(Number(r.segment_id), Number(r.d));
    },
    finish: async () => written,
    abort: async () => undefined,
  };
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

/**
 * SQLite (and any other engine): writes, and the reads after the first write, go through one
 * transaction opened at the first write, one commit per refresh. Another refresh of the same
 * customers (or a full recompute) may run at the same time, so a row may be there already, or
 * gone: only the rows written count.
 */
const transactionWriter = (knex: Knex, now: Date): MembershipWriter => {
  const deltas = new Map<number, number>();
  const change = (segmentId: number, by: number) =>
    deltas.set(segmentId, (deltas.get(segmentId) ?? 0) + by);
  let trx: Knex.Transaction | undefined;
  const writer = async () => (trx ??= await knex.transaction());
  return {
    reader: () => trx ?? knex,
    async write(joining, leaving) {
      for (let i = 0; i < joining.length; i += WRITE_CHUNK) {
        const added: { segment_id: number }[] = await (
          await writer()
        )(TABLE.memberships)
          .insert(
            joining.slice(i, i + WRITE_CHUNK).map(([segmentId, customerId]) => ({
              segment_id: segmentId,
              customer_id: customerId,
              added_at: now,
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
    },
    async finish() {
      for (const [id, delta] of deltas) if (delta === 0) deltas.delete(id);
      if (deltas.size > 0) await addToMemberCounts(await writer(), deltas);
      await trx?.commit();
      return deltas;
    },
    abort: async () => void (await trx?.rollback()),
  };
};

/** The membership writer for the engine behind `knex`, stamping joins with `now`. */
export const membershipWriter = (knex: Knex, now: Date): MembershipWriter =>
  isPostgres(knex) ? postgresWriter(knex, now) : transactionWriter(knex, now);
