import {
  isEmptyAudience,
  parseAudience,
  type AbVariant,
  type Audience,
} from '../../../contracts/audience';

/** What decides which content a visitor gets. */
export interface AudienceView {
  /** False for `?personalize=false`: nothing is removed, audiences are still shown. */
  personalize: boolean;
  segments: ReadonlySet<string>;
  /** The visitor's variant of a test; the control (A) when they were given none. */
  variantOf(abTest: string): AbVariant;
}

/** True when content for this audience is for the visitor (the empty audience is for everyone). */
export const audienceMatches = (a: Audience, view: AudienceView) =>
  (!a.segment || view.segments.has(a.segment)) &&
  (!a.abTest || view.variantOf(a.abTest) === (a.variant ?? 'A'));

/**
 * Picks the blocks of a repeatable component or dynamic zone the visitor gets. Blocks are
 * grouped by component: in a group whose component has an audience, targeted blocks that do not
 * match go, and the "All other users" blocks stay only when no targeted block of the group
 * matched. Blocks of components without an audience always stay.
 */
export const pickBlocks = <T>(
  items: T[],
  audienceOf: (item: T) => { group: string; audience: Audience } | null,
  view: AudienceView
): T[] => {
  const matchedGroups = new Set<string>();
  const verdicts = items.map((item) => {
    const info = audienceOf(item);
    if (!info) return { keep: true as const };
    if (isEmptyAudience(info.audience)) return { fallback: info.group };
    const keep = audienceMatches(info.audience, view);
    if (keep) matchedGroups.add(info.group);
    return { keep };
  });
  return items.filter((_, i) => {
    const v = verdicts[i];
    return 'fallback' in v ? !matchedGroups.has(v.fallback!) : v.keep;
  });
};

/** The A/B tests named by a list of stored audience values. */
export const abTestsOf = (values: unknown[]) => {
  const ids = new Set<string>();
  for (const v of values) {
    const t = parseAudience(v).abTest;
    if (t) ids.add(t);
  }
  return ids;
};
