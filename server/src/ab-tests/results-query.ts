import type { Knex } from 'knex';
import type { AbVariant } from '../../../contracts/ab-tests';
import { TABLE } from '../../../contracts/constants';

export type VariantCounts = Record<AbVariant, { exposures: number; conversions: number }>;

/**
 * Exposures and conversions per variant in one aggregate: a conversion is an exposed customer
 * with at least one event of the conversion type at or after their assignment (a correlated
 * EXISTS on the events' (customer_id, type, ...) index, so nothing is loaded into memory).
 */
export const countVariants = async (
  knex: Knex,
  testId: number,
  conversionEventType: string
): Promise<VariantCounts> => {
  const converted = knex(`${TABLE.events} as e`)
    .select(knex.raw('1'))
    .whereRaw('e.customer_id = a.customer_id')
    .where('e.type', conversionEventType)
    .whereRaw('e.occurred_at >= a.assigned_at');
  const rows = await knex(`${TABLE.abAssignments} as a`)
    .select('a.variant')
    .count({ exposures: '*' })
    .select(knex.raw('sum(case when exists ? then 1 else 0 end) as conversions', [converted]))
    .where('a.ab_test_id', testId)
    .groupBy('a.variant');
  const counts: VariantCounts = {
    A: { exposures: 0, conversions: 0 },
    B: { exposures: 0, conversions: 0 },
  };
  for (const r of rows as { variant: AbVariant; exposures: unknown; conversions: unknown }[]) {
    if (r.variant in counts)
      counts[r.variant] = { exposures: Number(r.exposures), conversions: Number(r.conversions) };
  }
  return counts;
};
