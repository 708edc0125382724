import { useCallback, useState } from 'react';
import type { Segment } from '../../../contracts/segments';
import { usePolling } from './usePolling';

/**
 * Whether a rule segment is (re)computing its members, and the polling that shows when it is
 * done: a new segment computes until it has a `lastComputedAt`; after saved rules, until
 * `lastComputedAt` differs from what it was before the save. GET every 2 s meanwhile.
 */
export const useRecomputeWatch = (
  segment: Segment | undefined,
  query: { reload: () => void; isFetching: boolean }
) => {
  // lastComputedAt as it was when new rules were saved; undefined when nothing was saved here.
  const [before, setBefore] = useState<string | null | undefined>(undefined);
  const computing =
    segment?.kind === 'rule' &&
    (segment.lastComputedAt === null ||
      (before !== undefined && segment.lastComputedAt === before));
  usePolling(query.reload, { active: computing, isFetching: query.isFetching, ms: 2000 });
  /** Call after saving new rules, with the segment as it was before the save. */
  const expectRecompute = useCallback(
    (previous: Segment) => setBefore(previous.lastComputedAt),
    []
  );
  return { computing, expectRecompute };
};
