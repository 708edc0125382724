import { SEGMENT_ID_SEPARATOR } from '../../database/export-read';

/**
 * Names a customer's segments from their row ids as the export query gives them ("3,7"): the
 * segment ids ("vip, women") in the order of `segments`, which the caller reads ordered by
 * segment_id in the same database (so in its collation). Combinations repeat, so each is
 * computed once (up to a bound).
 */
export const segmentNamer = (segments: { id: number | string; segment_id: string | null }[]) => {
  const rank = new Map(segments.map((s, i) => [String(s.id), i]));
  const known = new Map<string, string>();
  return (ids: string | null): string | null => {
    if (ids === null) return null;
    let names = known.get(ids);
    if (names === undefined) {
      names = ids
        .split(SEGMENT_ID_SEPARATOR)
        .map((id) => rank.get(id))
        .filter((r): r is number => r !== undefined)
        .sort((a, b) => a - b)
        .map((r) => segments[r].segment_id)
        .filter((name) => name !== null)
        .join(', ');
      if (known.size < 100_000) known.set(ids, names);
    }
    return names;
  };
};
