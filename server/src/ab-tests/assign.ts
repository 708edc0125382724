import type { Knex } from 'knex';
import type { AbVariant } from '../../../contracts/ab-tests';
import { TABLE } from '../../../contracts/constants';
import { variantFor } from './assignment';

export type Customer = { id: number; documentId: string };

/** A running test a customer was given a variant in for the first time. */
export interface NewAssignment {
  testDocumentId: string;
  variant: AbVariant;
  assignedAt: Date;
}

/**
 * Gives a customer a variant in each running test of the list and keeps it: one query reads
 * the tests with the customer's earlier assignments, one insert adds the missing ones. The
 * unique (test, customer) index lets only one of two racing requests insert; the loser reads
 * the winner's row. Returns the variants and the assignments made now (to record as exposures).
 */
export const assignVariants = async (
  knex: Knex,
  customer: Customer,
  testDocumentIds: string[]
): Promise<{ variants: Record<string, AbVariant>; created: NewAssignment[] }> => {
  const ids = [...new Set(testDocumentIds)];
  if (ids.length === 0) return { variants: {}, created: [] };
  const rows: { id: number; document_id: string; split: number; variant: AbVariant | null }[] =
    await knex(`${TABLE.abTests} as t`)
      .leftJoin(`${TABLE.abAssignments} as a`, (join) =>
        join.on('a.ab_test_id', 't.id').andOnVal('a.customer_id', '=', customer.id)
      )
      .select('t.id', 't.document_id', 't.split', 'a.variant')
      .whereIn('t.document_id', ids)
      .where('t.status', 'running');

  const variants: Record<string, AbVariant> = {};
  const missing = rows.filter((r) => !r.variant);
  for (const r of rows) if (r.variant) variants[r.document_id] = r.variant;
  if (missing.length === 0) return { variants, created: [] };

  const assignedAt = new Date();
  const planned = missing.map((r) => ({
    row: r,
    variant: variantFor(r.document_id, customer.documentId, Number(r.split)),
  }));
  const inserted: { ab_test_id: number }[] = await knex(TABLE.abAssignments)
    .insert(
      planned.map(({ row, variant }) => ({
        ab_test_id: row.id,
        customer_id: customer.id,
        variant,
        assigned_at: assignedAt,
      }))
    )
    .onConflict(['ab_test_id', 'customer_id'])
    .ignore()
    .returning('ab_test_id');
  const won = new Set(inserted.map((r) => Number(typeof r === 'object' ? r.ab_test_id : r)));

  const lost = planned.filter(({ row }) => !won.has(row.id));
  if (lost.length > 0) {
    const theirs = await knex(TABLE.abAssignments)
      .select('ab_test_id', 'variant')
      .where('customer_id', customer.id)
      .whereIn(
        'ab_test_id',
        lost.map(({ row }) => row.id)
      );
    const byTest = new Map(theirs.map((t) => [Number(t.ab_test_id), t.variant as AbVariant]));
    for (const { row, variant } of lost) variants[row.document_id] = byTest.get(row.id) ?? variant;
  }
  const created = planned
    .filter(({ row }) => won.has(row.id))
    .map(({ row, variant }) => {
      variants[row.document_id] = variant;
      return { testDocumentId: row.document_id, variant, assignedAt };
    });
  return { variants, created };
};
