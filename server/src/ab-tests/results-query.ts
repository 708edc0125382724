import type { Knex } from 'knex';
import type { AbVariant } from '../../../contracts/ab-tests';
import { TABLE } from '../../../contracts/constants';

export type VariantCounts = Record<AbVariant, { exposures: number; conversions: number }>;

/**
 * Exposures and conversions per variant in one aggregate. A conversion is an exposed customer
 * whose latest event of the conversion type is at or after their assignment (the same as "has
 * one at or after it"). The latest conversion per customer is grouped once over the events'
 * (type, occurred_at, customer_id) index and joined; a correlated EXISTS per assignment looked
 * the same but SQLite probed that index by type and time, scanning every conversion per row.
 */
export const countVariants = async (
  knex: Knex,
  testId: number,
  conversionEventType: string
): Promise<VariantCounts> => {
  const latest = knex(`${TABLE.events} as e`)
    .select('e.customer_id')
    .max({ last_at: 'e.occurred_at' })
    .where('e.type', conversionEventType)
    .groupBy('e.customer_id')
    .as('m');
  const rows = await knex(`${TABLE.abAssignments} as a`)
    .leftJoin(latest, 'm.customer_id', 'a.customer_id')
    .select('a.variant')
    .count({ exposures: '*' })
    .select(knex.raw('sum(case when m.last_at >= a.assigned_at then 1 else 0 end) as conversions'))
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
