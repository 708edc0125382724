import type { RuleNode } from '../../contracts/segment-rules';

/**
 * Share of generated events that are views (demo/generate.ts): 80% point at an item
 * and 3 of their 8 types are View; the other 20% take one of the 10 known types.
 */
export const VIEW_SHARE = 0.8 * (3 / 8) + 0.2 * (1 / 10);
/** Share of generated customers who are female: 2 of the 5 gender picks. */
export const FEMALE_SHARE = 2 / 5;
/** The share of customers the evaluated segment should hold. */
export const WANTED_SHARE = 0.1;

/** "Women who viewed anything at least `atLeast` times in the last `days` days." */
export interface SegmentRule {
  days: number;
  atLeast: number;
  /** The share of customers expected to match. */
  expected: number;
}

const DAYS = [30, 7, 14, 60, 90, 180, 365];

/** P(X >= k) for X ~ Poisson(lambda). */
export const poissonAtLeast = (lambda: number, k: number) => {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
};

/** The expected share of N customers matching a rule when M events are spread evenly. */
export const expectedShare = (customers: number, events: number, days: number, atLeast: number) =>
  FEMALE_SHARE * poissonAtLeast(((events / customers) * VIEW_SHARE * days) / 365, atLeast);

/**
 * The window and count that bring the segment closest to 10% of the customers: the 30-day
 * window when a count gets within a factor 1.5 of it, else the closest of the other windows.
 */
export const tuneSegmentRule = (customers: number, events: number): SegmentRule => {
  const candidates = DAYS.flatMap((days) =>
    Array.from({ length: 10 }, (_, i) => ({
      days,
      atLeast: i + 1,
      expected: expectedShare(customers, events, days, i + 1),
    }))
  );
  const distance = (r: SegmentRule) =>
    r.expected > 0 ? Math.abs(Math.log(r.expected / WANTED_SHARE)) : Infinity;
  const best = (rules: SegmentRule[]) =>
    rules.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  const monthly = best(candidates.filter((r) => r.days === 30));
  return distance(monthly) <= Math.log(1.5) ? monthly : best(candidates);
};

/** The rule tree of the evaluated segment. */
export const segmentTree = (rule: SegmentRule): RuleNode => ({
  kind: 'group',
  op: 'and',
  children: [
    { kind: 'field', field: 'gender', operator: 'equals', value: 'female' },
    {
      kind: 'event',
      did: true,
      eventType: 'View',
      target: { type: 'any' },
      count: { operator: 'atLeast', value: rule.atLeast },
      window: { type: 'lastDays', days: rule.days },
    },
  ],
});

/** A customer and an event row as the database returns them (dates as Date or epoch ms). */
export interface CustomerRow {
  id: number;
  gender: string | null;
}
export interface EventRow {
  customer_id: number;
  type: string;
  occurred_at: Date | number | string;
}

/** The naive way: the same segment computed in JavaScript over rows loaded into memory. */
export const matchInJs = (
  customers: CustomerRow[],
  events: EventRow[],
  rule: SegmentRule,
  now: Date
): number[] => {
  const since = now.getTime() - rule.days * 86_400_000;
  const views = new Map<number, number>();
  for (const e of events) {
    if (e.type !== 'View' || new Date(e.occurred_at).getTime() < since) continue;
    views.set(e.customer_id, (views.get(e.customer_id) ?? 0) + 1);
  }
  return customers
    .filter((c) => c.gender === 'female' && (views.get(c.id) ?? 0) >= rule.atLeast)
    .map((c) => c.id);
};
