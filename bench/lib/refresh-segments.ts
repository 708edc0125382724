import type { RuleNode } from '../../contracts/segment-rules';
import { contentItems } from './dataset';

/** A segment to create through `POST /segments/segments`. */
export interface SegmentSpec {
  name: string;
  segmentId: string;
  rules: RuleNode;
}

const field = (f: string, operator: string, value?: unknown, since?: string) =>
  ({ kind: 'field', field: f, operator, value, ...(since && { since }) }) as RuleNode;

const did = (
  eventType: string,
  atLeast: number,
  window: { type: 'ever' } | { type: 'lastDays'; days: number },
  target: Record<string, unknown> = { type: 'any' }
) =>
  ({
    kind: 'event',
    did: true,
    eventType,
    target,
    count: { operator: 'atLeast', value: atLeast },
    window,
  }) as RuleNode;

const and = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'and', children });
const or = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'or', children });
const inSegment = (segmentId: string, operator: 'in' | 'notIn' = 'in') =>
  ({ kind: 'segment', operator, segmentId }) as RuleNode;
const days = (n: number) => ({ type: 'lastDays' as const, days: n });

const [firstItem] = contentItems(1);

/**
 * Twenty rule segments of the kinds people build, each segment referring only to those before
 * it: characteristics, sets, events in several windows and on several targets, UTM, first
 * events, OR and NOT groups, and membership of other segments.
 */
export const REFRESH_SEGMENTS: SegmentSpec[] = [
  ['Women', 'bench-women', field('gender', 'equals', 'female')],
  ['Dutch', 'bench-dutch', field('country', 'equals', 'Netherlands')],
  ['Aged 25 to 40', 'bench-age-25-40', field('age', 'between', [25, 40])],
  ['Newsletter tag', 'bench-newsletter', field('tags', 'equals', 'newsletter')],
  ['VIP or B2B', 'bench-vip-b2b', field('tags', 'in', ['vip', 'b2b'])],
  ['Privacy consent 2025', 'bench-privacy', field('terms', 'equals', 'privacy', '2025-01-01')],
  ['At example.com', 'bench-example-com', field('emailDomain', 'equals', 'example.com')],
  ['Viewed this week', 'bench-viewed-7d', did('View', 1, days(7))],
  ['Clicked 3 times in 90 days', 'bench-clicks-90d', did('Click', 3, days(90))],
  ['Converted', 'bench-converted', did('Conversion', 1, { type: 'ever' })],
  [
    'No share in 30 days',
    'bench-no-share-30d',
    { ...(did('Share', 1, days(30)) as object), did: false } as RuleNode,
  ],
  [
    'Read articles twice this month',
    'bench-articles-30d',
    did('View', 2, days(30), { type: 'url', pattern: 'https://www.example.com/articles/*' }),
  ],
  [
    'Viewed the first article',
    'bench-first-article',
    did(
      'View',
      1,
      { type: 'ever' },
      { type: 'item', uid: firstItem.uid, documentId: firstItem.documentId }
    ),
  ],
  [
    'From the newsletter',
    'bench-utm-newsletter',
    { kind: 'utm', param: 'source', operator: 'equals', value: 'newsletter' } as RuleNode,
  ],
  [
    'Signed up this month',
    'bench-signup-30d',
    { kind: 'firstEvent', eventType: 'SignUp', days: 30 } as RuleNode,
  ],
  [
    'German-speaking cities',
    'bench-german-cities',
    or(field('country', 'equals', 'Germany'), field('city', 'in', ['Berlin', 'Antwerp'])),
  ],
  [
    'Not male',
    'bench-not-male',
    { kind: 'group', op: 'and', not: true, children: [field('gender', 'equals', 'male')] },
  ],
  ['Dutch women', 'bench-dutch-women', and(inSegment('bench-women'), inSegment('bench-dutch'))],
  // Not in a small segment: `NOT IN` a segment of 700,000 members (bench-converted) did not
  // finish in 11 minutes on PostgreSQL at 1M/10M (see docs/benchmarks.md).
  [
    'Over 30, not a frequent clicker',
    'bench-over-30-few-clicks',
    and(field('age', 'gte', 30), inSegment('bench-clicks-90d', 'notIn')),
  ],
  [
    'Engaged recent viewers',
    'bench-engaged',
    and(
      inSegment('bench-viewed-7d'),
      or(field('tags', 'equals', 'webinar'), did('Like', 1, days(60)))
    ),
  ],
].map(([name, segmentId, rules]) => ({
  name: name as string,
  segmentId: segmentId as string,
  // The top of a tree is always a group.
  rules: (rules as RuleNode).kind === 'group' ? (rules as RuleNode) : and(rules as RuleNode),
}));
