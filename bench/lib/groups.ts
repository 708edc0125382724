import type { Scenario } from '../scenarios/types';

/**
 * The worker processes of one engine run and the scenarios each runs, in order: first the
 * scenarios that share the run's worker (and its data set), then each named `worker` group in a
 * fresh process of its own, on an empty database, with nothing left in memory by the others.
 */
export const workerGroups = (scenarios: readonly Scenario[]): Scenario[][] => {
  const shared = scenarios.filter((s) => !s.worker);
  const named = new Map<string, Scenario[]>();
  for (const s of scenarios) {
    if (s.worker) named.set(s.worker, [...(named.get(s.worker) ?? []), s]);
  }
  return [shared, ...named.values()].filter((group) => group.length > 0);
};
