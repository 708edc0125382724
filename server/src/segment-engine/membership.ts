import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';
import { matchingCustomerIds } from './compile';
import type { CompileContext } from './context';

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

/**
 * Re-evaluates some customers against some segments, in the given order (a segment after the
 * segments it refers to). One query per segment for the whole batch of customers; only the
 * differences are written. Returns the segments whose members changed, with the change.
 */
export const refreshMembers = async (
  ctx: CompileContext,
  segments: RuleSegment[],
  customerIds: number[]
): Promise<Map<number, number>> => {
  const deltas = new Map<number, number>();
  if (customerIds.length === 0 || segments.length === 0) return deltas;
  const single = { ...ctx, mode: 'single' as const };
  for (const segment of segments) {
    const matched = new Set<number>(
      (await matchingCustomerIds(segment.rules, single, customerIds)).map(
        (r: { id: number }) => r.id
      )
    );
    const current = new Set<number>(
      (
        await ctx
          .knex(TABLE.memberships)
          .select('customer_id')
          .where('segment_id', segment.id)
          .whereIn('customer_id', customerIds)
      ).map((r: { customer_id: number }) => r.customer_id)
    );
    const joining = [...matched].filter((id) => !current.has(id));
    const leaving = [...current].filter((id) => !matched.has(id));
    // Another refresh of the same customers (or a full recompute) may run at the same time, so
    // a row may be there already: skip it, and count only the rows written.
    const added: unknown[] =
      joining.length > 0
        ? await ctx
            .knex(TABLE.memberships)
            .insert(
              joining.map((customerId) => ({
                segment_id: segment.id,
                customer_id: customerId,
                added_at: ctx.now,
              }))
            )
            .onConflict(['segment_id', 'customer_id'])
            .ignore()
            .returning('customer_id')
        : [];
    const removed =
      leaving.length > 0
        ? Number(
            await ctx
              .knex(TABLE.memberships)
              .where('segment_id', segment.id)
              .whereIn('customer_id', leaving)
              .delete()
          )
        : 0;
    if (added.length !== removed) deltas.set(segment.id, added.length - removed);
  }
  return deltas;
};
