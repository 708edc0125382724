import fc from 'fast-check';
import { CUSTOMER_SOURCES, GENDERS } from '../../../contracts/constants';
import { FIELDS, OPERATORS_BY_KIND, type RuleNode } from '../../../contracts/segment-rules';
import type { RefCustomer, RefEvent } from './evaluate';

/**
 * fast-check arbitraries for the differential test: customers and events with empty fields,
 * letter-case variants, LIKE wildcards and values on the edges of time windows, and rule trees
 * over the same vocabulary (every condition kind and operator, nesting, NOT).
 */

export const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
export const ARTICLE = 'api::article.article';
export const CATEGORIES = ['EV', 'Travel', 'Food'] as const;
/** Segments the data set holds: two external, two with rules (rule-b refers to the others). */
export const SEGMENT_IDS = ['ext-a', 'ext-b', 'rule-a', 'rule-b'] as const;
const EVENT_TYPES = ['View', 'Like', 'PageVisit', 'Conversion'] as const;

const WORDS = {
  country: ['Netherlands', 'netherlands', 'Germany', 'Belgium', 'Zzz', 'land'],
  city: ['Utrecht', 'utrecht', 'UTRECHT', 'Amsterdam', 'Den Haag', 'Zzz', 'a%b', 'a_b', 'ht'],
  jobTitle: ['Developer', 'developer', 'Marketing Manager', 'CTO', 'manager', 'dev'],
  tags: ['vip', 'VIP', 'b2b', 'ev', 'ev-fan', '50%', 'a_b', 'e'],
  subscriptions: ['newsletter', 'Newsletter', 'offers', 'news'],
  terms: ['privacy', 'PRIVACY', 'newsletter', 'terms-2024', 'priv'],
  emailDomain: ['shop.example.com', 'SHOP.example.com', 'example.com', 'example', 'org', 'shop'],
  utm: ['newsletter', 'Newsletter', 'google', 'spring-sale', 'Spring-Sale', 'spring', 'news'],
  url: [
    'https://shop.example.com/pricing',
    'https://shop.example.com/Pricing?plan=a_b',
    'https://shop.example.com/blog/50%-off',
    'https://other.example.org/blog',
  ],
  urlPattern: ['*/pricing', '*/PRICING*', 'https://shop.example.com/*', '*a_b*', '*50%*', '*'],
  domains: ['shop.example.com', 'example.com', 'corp.example.org', 'a_b.example.com'],
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** An instant k days before NOW, on a boundary or just beside one (midnight, NOW itself). */
const instant = (maxDays: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxDays }), fc.constantFrom(0, 1000, 43_200_000, -1))
    .map(
      ([k, offset]) => new Date(NOW.getTime() - k * DAY - (k === 0 ? Math.abs(offset) : offset))
    );
/** A yyyy-mm-dd k days before NOW. */
const day = (maxDays: number) =>
  fc.integer({ min: 0, max: maxDays }).map((k) => iso(new Date(NOW.getTime() - k * DAY)));
/** Born n years before NOW's date, on the birthday or a day beside it. */
const birthDate = fc
  .tuple(fc.integer({ min: 0, max: 90 }), fc.constantFrom(-1, 0, 1))
  .map(([n, shift]) =>
    iso(new Date(Date.UTC(NOW.getUTCFullYear() - n, NOW.getUTCMonth(), NOW.getUTCDate() + shift)))
  );
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: freq, arbitrary: arb });
const someOf = <T>(values: readonly T[], max: number) =>
  fc.uniqueArray(fc.constantFrom(...values), { maxLength: max });

const customer = (index: number): fc.Arbitrary<RefCustomer> =>
  fc.record({
    gender: maybe(fc.constantFrom(...GENDERS)),
    source: maybe(fc.constantFrom(...CUSTOMER_SOURCES), 8),
    country: maybe(fc.constantFrom('', 'Netherlands', 'Germany', 'Belgium', 'netherlands')),
    city: maybe(fc.constantFrom('', ...WORDS.city)),
    jobTitle: maybe(fc.constantFrom('', ...WORDS.jobTitle)),
    dateOfBirth: maybe(birthDate),
    createdAt: instant(800),
    lastActivityAt: maybe(instant(60)),
    anonymizedAt: fc.oneof(
      { weight: 9, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(NOW) }
    ),
    emails: someOf(WORDS.domains, 2).map((domains) => domains.map((d, k) => `c${index}.${k}@${d}`)),
    tags: someOf(WORDS.tags, 3),
    subscriptions: fc.uniqueArray(
      fc.record({ name: fc.constantFrom(...WORDS.subscriptions), at: maybe(instant(800)) }),
      { maxLength: 2, selector: (s) => s.name }
    ),
    terms: fc.uniqueArray(fc.record({ id: fc.constantFrom(...WORDS.terms), givenAt: day(800) }), {
      maxLength: 2,
      selector: (t) => t.id,
    }),
  });

const event = (customers: number, articles: string[]): fc.Arbitrary<RefEvent> =>
  fc.record({
    customer: fc.integer({ min: 0, max: customers - 1 }),
    type: fc.constantFrom(...EVENT_TYPES),
    item: maybe(
      fc.record({
        uid: fc.constant(ARTICLE),
        documentId: fc.constantFrom(...articles),
        locale: maybe(fc.constantFrom('en', 'nl'), 1),
      })
    ),
    url: maybe(fc.constantFrom(...WORDS.url), 1),
    utm: fc.record({
      source: maybe(fc.constantFrom('', ...WORDS.utm), 1),
      medium: maybe(fc.constantFrom(...WORDS.utm), 1),
      campaign: maybe(fc.constantFrom(...WORDS.utm), 1),
    }),
    occurredAt: instant(90),
  });

/** A data set: customers, their events, and which customers the external segments hold. */
export const worldData = (customers: number, events: number, articles: string[]) =>
  fc.record({
    customers: fc.tuple(...Array.from({ length: customers }, (_, i) => customer(i))),
    events: fc.array(event(customers, articles), { minLength: events, maxLength: events }),
    extA: fc.uniqueArray(fc.integer({ min: 0, max: customers - 1 }), { maxLength: customers / 2 }),
    extB: fc.uniqueArray(fc.integer({ min: 0, max: customers - 1 }), { maxLength: customers / 4 }),
  });

const one = <T>(values: readonly T[]) => fc.constantFrom(...values);
const words = (values: readonly string[]) =>
  fc.uniqueArray(one(values), { minLength: 1, maxLength: 3 });
const age = fc.oneof(
  fc.integer({ min: 0, max: 95 }),
  fc.integer({ min: 0, max: 95 }).map((n) => n + 0.5),
  fc.constant(1_000_000)
);
const dateValue = fc.oneof(
  day(900),
  instant(900).map((d) => d.toISOString())
);

/** A value for a field condition with this operator, as the rule schema accepts it. */
const valueFor = (name: keyof typeof FIELDS, operator: string): fc.Arbitrary<unknown> => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return fc.constant(undefined);
  const kind = FIELDS[name];
  const scalar: fc.Arbitrary<unknown> =
    kind === 'number'
      ? age
      : kind === 'date'
        ? dateValue
        : kind === 'boolean'
          ? fc.boolean()
          : name === 'gender'
            ? one(GENDERS)
            : name === 'source'
              ? one(CUSTOMER_SOURCES)
              : one(WORDS[name as keyof typeof WORDS]);
  if (operator === 'between') return fc.tuple(scalar, scalar);
  if (operator === 'in' || operator === 'notIn') {
    return kind === 'number'
      ? fc.uniqueArray(age, { minLength: 1, maxLength: 3 })
      : kind === 'enum'
        ? fc.uniqueArray(scalar, { minLength: 1, maxLength: 2 })
        : words(WORDS[name as keyof typeof WORDS]);
  }
  return scalar;
};

const fieldCondition = fc
  .constantFrom(...(Object.keys(FIELDS) as (keyof typeof FIELDS)[]))
  .chain((name) =>
    fc.constantFrom(...OPERATORS_BY_KIND[FIELDS[name]]).chain((operator) =>
      fc.record({
        kind: fc.constant('field' as const),
        field: fc.constant(name),
        operator: fc.constant(operator),
        value: valueFor(name, operator),
        since:
          name === 'terms' || name === 'subscriptions'
            ? maybe(day(900), 1).map((d) => d ?? undefined)
            : fc.constant(undefined),
      })
    )
  )
  .map((c) => JSON.parse(JSON.stringify(c)) as RuleNode);

const target = (articles: string[]) =>
  fc.oneof(
    fc.constant({ type: 'any' as const }),
    fc.record(
      {
        type: fc.constant('item' as const),
        uid: fc.constant(ARTICLE),
        documentId: one(articles),
        locale: one(['en', 'nl']),
      },
      { requiredKeys: ['type', 'uid', 'documentId'] }
    ),
    fc.constant({ type: 'contentType' as const, uid: ARTICLE }),
    one(CATEGORIES).map((value) => ({
      type: 'contentType' as const,
      uid: ARTICLE,
      field: 'category',
      value,
    })),
    fc.record({ type: fc.constant('url' as const), pattern: one(WORDS.urlPattern) })
  );

const window = fc.oneof(
  fc.constant({ type: 'ever' as const }),
  fc.record({ type: fc.constant('lastDays' as const), days: one([1, 7, 30, 45, 60]) }),
  fc.tuple(dateValue, dateValue).map(([from, to]) => ({
    type: 'between' as const,
    from: from < to ? from : to,
    to: from < to ? to : from,
  }))
);

const eventCondition = (articles: string[]) =>
  fc.record({
    kind: fc.constant('event' as const),
    did: fc.boolean(),
    eventType: one(EVENT_TYPES),
    target: target(articles),
    count: fc.record({
      operator: one(['atLeast', 'atMost', 'exactly'] as const),
      value: fc.integer({ min: 0, max: 3 }),
    }),
    window,
  });

const firstEvent = fc.record({
  kind: fc.constant('firstEvent' as const),
  eventType: one(EVENT_TYPES),
  days: one([1, 7, 30, 45, 60]),
});

const utm = fc
  .tuple(
    one(['source', 'medium', 'campaign'] as const),
    one(['equals', 'notEquals', 'in', 'contains', 'startsWith'] as const)
  )
  .chain(([param, operator]) =>
    (operator === 'in' ? words(WORDS.utm) : one(WORDS.utm)).map((value) => ({
      kind: 'utm' as const,
      param,
      operator,
      value,
    }))
  );

const segmentCondition = fc.record({
  kind: fc.constant('segment' as const),
  operator: one(['in', 'notIn'] as const),
  segmentId: one(SEGMENT_IDS),
});

/** Rule trees: a group at the top, up to four levels, every condition kind. */
export const ruleTree = (articles: string[], { segments = true } = {}) => {
  const condition = fc.oneof(
    { weight: 5, arbitrary: fieldCondition },
    { weight: 3, arbitrary: eventCondition(articles) as fc.Arbitrary<RuleNode> },
    { weight: 1, arbitrary: firstEvent as fc.Arbitrary<RuleNode> },
    { weight: 1, arbitrary: utm as fc.Arbitrary<RuleNode> },
    { weight: segments ? 1 : 0, arbitrary: segmentCondition as fc.Arbitrary<RuleNode> }
  );
  const { group } = fc.letrec<{ group: RuleNode; node: RuleNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'rules' },
      { weight: 3, arbitrary: condition },
      { weight: 1, arbitrary: tie('group') }
    ),
    group: fc
      .record({
        kind: fc.constant('group' as const),
        op: one(['and', 'or'] as const),
        not: fc.boolean(),
        children: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'rules' }),
      })
      .map((g) => (g.not ? g : { kind: g.kind, op: g.op, children: g.children }) as RuleNode),
  }));
  return group;
};
