import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { RuleNode } from '../../contracts/segment-rules';
import { knexOf } from '../../server/src/database/knex';
import { queryPrepared } from '../../server/src/database/prepared';
import { matchingCustomerIds } from '../../server/src/segment-engine/compile';
import { createCompileContext } from '../../server/src/segment-engine/context-factory';
import { levelQueries, type LevelQueryCache } from '../../server/src/segment-engine/level-query';
import { addEvents, addSegmentWithMembers, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

/**
 * Each case: a rule tree and the customers it must match, written by hand from the fixtures
 * below. Every case runs in both compiler modes against the real database engine.
 */
const NOW = new Date('2026-06-15T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const yearsAgo = (n: number, extraDays = 0) => {
  const d = new Date(Date.UTC(NOW.getUTCFullYear() - n, NOW.getUTCMonth(), NOW.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
};

let strapi: Core.Strapi;
const ids: Record<string, number> = {};
const names = new Map<number, string>();
let ev: string; // documentId of an "EV" article
let travel: string; // documentId of a "Travel" article

const field = (f: string, operator: string, value?: unknown, extra: object = {}): RuleNode =>
  ({ kind: 'field', field: f, operator, value, ...extra }) as RuleNode;
const and = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'and', children });
const or = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'or', children });
const not = (...children: RuleNode[]): RuleNode => ({
  kind: 'group',
  op: 'and',
  not: true,
  children,
});
const event = (over: object): RuleNode =>
  ({
    kind: 'event',
    did: true,
    eventType: 'View',
    target: { type: 'any' },
    count: { operator: 'atLeast', value: 1 },
    window: { type: 'ever' },
    ...over,
  }) as RuleNode;
const item = () => ({ type: 'item', uid: 'api::article.article', documentId: ev });

const cases: [string, () => RuleNode, string[]][] = [
  ['gender equals', () => field('gender', 'equals', 'female'), ['anna']],
  [
    'gender not equals keeps unknown gender',
    () => field('gender', 'notEquals', 'male'),
    ['anna', 'cleo'],
  ],
  ['gender in', () => field('gender', 'in', ['male', 'other']), ['bob', 'dirk']],
  ['gender is empty', () => field('gender', 'isEmpty'), ['cleo']],
  ['country equals', () => field('country', 'equals', 'Netherlands'), ['anna', 'cleo']],
  ['country not in', () => field('country', 'notIn', ['Netherlands']), ['bob', 'dirk']],
  ['city contains, any case', () => field('city', 'contains', 'AMS'), ['anna']],
  ['city equals, any case', () => field('city', 'equals', 'berlin'), ['bob']],
  ['city is empty', () => field('city', 'isEmpty'), ['dirk']],
  ['city is not empty', () => field('city', 'isNotEmpty'), ['anna', 'bob', 'cleo']],
  ['job title starts with', () => field('jobTitle', 'startsWith', 'marketing'), ['anna']],
  ['job title ends with', () => field('jobTitle', 'endsWith', 'PER'), ['bob']],
  ['age at least 30', () => field('age', 'gte', 30), ['bob']],
  ['age greater than 39', () => field('age', 'gt', 39), ['bob']],
  ['age between 18 and 30', () => field('age', 'between', [18, 30]), ['anna', 'dirk']],
  ['age less than 20', () => field('age', 'lt', 20), ['dirk']],
  ['age at most 18', () => field('age', 'lte', 18), ['dirk']],
  ['age equals 40', () => field('age', 'equals', 40), ['bob']],
  [
    'age not equals 40 keeps unknown age',
    () => field('age', 'notEquals', 40),
    ['anna', 'cleo', 'dirk'],
  ],
  ['age in', () => field('age', 'in', [18, 40]), ['bob', 'dirk']],
  ['age not in keeps unknown age', () => field('age', 'notIn', [18, 40]), ['anna', 'cleo']],
  ['age at least 24.5 is at least 25', () => field('age', 'gte', 24.5), ['anna', 'bob']],
  ['age at most 24.5 is at most 24', () => field('age', 'lte', 24.5), ['dirk']],
  ['nobody is exactly 24.5', () => field('age', 'equals', 24.5), []],
  ['an age of a million years', () => field('age', 'gte', 1_000_000), []],
  ['age unknown', () => field('age', 'isEmpty'), ['cleo']],
  ['has tag', () => field('tags', 'equals', 'vip'), ['anna']],
  ['has one of the tags', () => field('tags', 'in', ['vip', 'b2b']), ['anna', 'bob']],
  ['does not have tag', () => field('tags', 'notEquals', 'vip'), ['bob', 'cleo', 'dirk']],
  ['has none of the tags', () => field('tags', 'notIn', ['vip', 'b2b']), ['cleo', 'dirk']],
  ['a tag starts with', () => field('tags', 'startsWith', 'ev'), ['anna', 'dirk']],
  ['a tag contains', () => field('tags', 'contains', 'fan'), ['dirk']],
  ['no tags', () => field('tags', 'isEmpty'), ['cleo']],
  ['gave a term', () => field('terms', 'equals', 'privacy'), ['anna']],
  [
    'gave a term since a date',
    () => field('terms', 'equals', 'newsletter', { since: '2023-01-01' }),
    [],
  ],
  [
    'gave a term before that date too',
    () => field('terms', 'equals', 'newsletter', { since: '2022-01-01' }),
    ['cleo'],
  ],
  ['gave any term', () => field('terms', 'isNotEmpty'), ['anna', 'cleo']],
  ['subscribed', () => field('subscriptions', 'equals', 'newsletter'), ['anna']],
  ['source in', () => field('source', 'in', ['import', 'tracking']), ['anna', 'cleo']],
  [
    'email domain equals',
    () => field('emailDomain', 'equals', 'Shop.Example.com'),
    ['anna', 'dirk'],
  ],
  ['email domain ends with', () => field('emailDomain', 'endsWith', 'example.org'), ['bob']],
  [
    'email domain not equals',
    () => field('emailDomain', 'notEquals', 'shop.example.com'),
    ['bob', 'cleo'],
  ],
  ['no email', () => field('emailDomain', 'isEmpty'), ['cleo']],
  ['created before', () => field('createdAt', 'lt', '2024-01-01'), ['anna']],
  [
    'created between',
    () => field('createdAt', 'between', ['2024-01-01', '2025-06-01']),
    ['bob', 'cleo'],
  ],
  [
    'created on or before a day includes that whole day',
    () => field('createdAt', 'lte', '2024-06-01'),
    ['anna', 'bob'],
  ],
  [
    'created after a day starts the next day',
    () => field('createdAt', 'gt', '2024-06-01'),
    ['cleo', 'dirk'],
  ],
  [
    'created between two days includes the last one',
    () => field('createdAt', 'between', ['2024-06-01', '2024-06-01']),
    ['bob'],
  ],
  [
    'active in the last week',
    () => field('lastActivityAt', 'gte', daysAgo(7).toISOString()),
    ['anna', 'bob', 'cleo'],
  ],
  ['never active', () => field('lastActivityAt', 'isEmpty'), ['dirk']],
  ['anonymized', () => field('anonymized', 'equals', true), ['cleo']],
  ['not anonymized', () => field('anonymized', 'equals', false), ['anna', 'bob', 'dirk']],
  [
    'viewed an item at least twice in 30 days',
    () =>
      event({
        target: item(),
        count: { operator: 'atLeast', value: 2 },
        window: { type: 'lastDays', days: 30 },
      }),
    ['anna'],
  ],
  ['viewed an item ever', () => event({ target: item() }), ['anna', 'bob']],
  [
    'viewed an item exactly once',
    () => event({ target: item(), count: { operator: 'exactly', value: 1 } }),
    ['bob'],
  ],
  [
    'viewed anything at most once',
    () => event({ count: { operator: 'atMost', value: 1 } }),
    ['cleo', 'dirk'],
  ],
  [
    'viewed anything exactly 0 times',
    () => event({ count: { operator: 'exactly', value: 0 } }),
    ['cleo', 'dirk'],
  ],
  ['did not view anything', () => event({ did: false }), ['cleo', 'dirk']],
  [
    'did not view the item in 30 days',
    () => event({ did: false, target: item(), window: { type: 'lastDays', days: 30 } }),
    ['bob', 'cleo', 'dirk'],
  ],
  [
    'viewed an EV article in 30 days',
    () =>
      event({
        target: {
          type: 'contentType',
          uid: 'api::article.article',
          field: 'category',
          value: 'EV',
        },
        window: { type: 'lastDays', days: 30 },
      }),
    ['anna'],
  ],
  [
    'viewed any article in a week',
    () =>
      event({
        target: { type: 'contentType', uid: 'api::article.article' },
        window: { type: 'lastDays', days: 7 },
      }),
    ['anna', 'bob'],
  ],
  [
    'visited a URL matching a pattern',
    () => event({ eventType: 'PageVisit', target: { type: 'url', pattern: '*/pricing' } }),
    ['cleo'],
  ],
  [
    'a URL pattern without wildcard matches literally',
    () => event({ eventType: 'PageVisit', target: { type: 'url', pattern: '_%' } }),
    [],
  ],
  [
    'viewed between two dates',
    () =>
      event({
        target: item(),
        window: {
          type: 'between',
          from: daysAgo(45).toISOString().slice(0, 10),
          to: daysAgo(35).toISOString().slice(0, 10),
        },
      }),
    ['anna'],
  ],
  [
    'first viewed in the last 30 days',
    () => ({ kind: 'firstEvent', eventType: 'View', days: 30 }) as RuleNode,
    [],
  ],
  [
    'first liked in the last week',
    () => ({ kind: 'firstEvent', eventType: 'Like', days: 7 }) as RuleNode,
    ['bob'],
  ],
  [
    'UTM campaign equals, any case',
    () =>
      ({ kind: 'utm', param: 'campaign', operator: 'equals', value: 'spring-sale' }) as RuleNode,
    ['anna'],
  ],
  [
    'UTM source contains',
    () => ({ kind: 'utm', param: 'source', operator: 'contains', value: 'news' }) as RuleNode,
    ['anna'],
  ],
  [
    'UTM campaign not equals',
    () =>
      ({ kind: 'utm', param: 'campaign', operator: 'notEquals', value: 'spring-sale' }) as RuleNode,
    ['bob', 'cleo', 'dirk'],
  ],
  [
    'UTM campaign in',
    () =>
      ({ kind: 'utm', param: 'campaign', operator: 'in', value: ['x', 'SPRING-SALE'] }) as RuleNode,
    ['anna'],
  ],
  [
    'or group',
    () => or(field('gender', 'equals', 'female'), field('country', 'equals', 'Belgium')),
    ['anna', 'dirk'],
  ],
  [
    'not group',
    () =>
      ({
        kind: 'group',
        op: 'and',
        not: true,
        children: [field('country', 'equals', 'Netherlands')],
      }) as RuleNode,
    ['bob', 'dirk'],
  ],
  [
    'nested groups',
    () =>
      and(
        field('country', 'in', ['Netherlands', 'Belgium']),
        or(field('age', 'lt', 20), field('tags', 'equals', 'vip'))
      ),
    ['anna', 'dirk'],
  ],
  [
    'characteristic and event together',
    () =>
      and(
        field('gender', 'equals', 'female'),
        event({
          target: item(),
          window: { type: 'lastDays', days: 30 },
          count: { operator: 'atLeast', value: 2 },
        })
      ),
    ['anna'],
  ],
  [
    'in another segment',
    () => ({ kind: 'segment', operator: 'in', segmentId: 'dutch' }) as RuleNode,
    ['anna', 'cleo'],
  ],
  [
    'not in another segment',
    () => ({ kind: 'segment', operator: 'notIn', segmentId: 'dutch' }) as RuleNode,
    ['bob', 'dirk'],
  ],
  [
    'NOT (city = Zzz) keeps customers without a city',
    () => not(field('city', 'equals', 'Zzz')),
    ['anna', 'bob', 'cleo', 'dirk'],
  ],
  [
    'tagged AND NOT (city = Zzz)',
    () => and(field('tags', 'isNotEmpty'), not(field('city', 'equals', 'Zzz'))),
    ['anna', 'bob', 'dirk'],
  ],
  [
    'NOT (gender = male) keeps customers without a gender',
    () => not(field('gender', 'equals', 'male')),
    ['anna', 'cleo'],
  ],
  [
    'NOT (job title = developer) keeps customers without one',
    () => not(field('jobTitle', 'equals', 'developer')),
    ['anna', 'cleo', 'dirk'],
  ],
  ['NOT (age > 30) keeps unknown age', () => not(field('age', 'gt', 30)), ['anna', 'cleo', 'dirk']],
  [
    'NOT (first viewed in the last 30 days) keeps those who never viewed',
    () => not({ kind: 'firstEvent', eventType: 'View', days: 30 } as RuleNode),
    ['anna', 'bob', 'cleo', 'dirk'],
  ],
  [
    'NOT (active in the last week) keeps the never active',
    () => not(field('lastActivityAt', 'gte', daysAgo(7).toISOString())),
    ['dirk'],
  ],
  ['a tag in another letter case', () => field('tags', 'equals', 'VIP'), ['anna']],
  ['tags in, any case', () => field('tags', 'in', ['Vip', 'B2B']), ['anna', 'bob']],
  [
    'does not have a tag, in any case',
    () => field('tags', 'notEquals', 'VIP'),
    ['bob', 'cleo', 'dirk'],
  ],
  ['a tag starts with, any case', () => field('tags', 'startsWith', 'EV'), ['anna', 'dirk']],
  [
    'a subscription in another letter case',
    () => field('subscriptions', 'equals', 'Newsletter'),
    ['anna'],
  ],
  ['a term id in another letter case', () => field('terms', 'equals', 'PRIVACY'), ['anna']],
  [
    'country in another letter case',
    () => field('country', 'in', ['netherlands']),
    ['anna', 'cleo'],
  ],
  [
    'a URL pattern in another letter case',
    () => event({ eventType: 'PageVisit', target: { type: 'url', pattern: '*/PRICING' } }),
    ['cleo'],
  ],
  [
    'viewed at least 0 times, or female: everyone',
    () =>
      or(event({ count: { operator: 'atLeast', value: 0 } }), field('gender', 'equals', 'female')),
    ['anna', 'bob', 'cleo', 'dirk'],
  ],
  [
    'email domain ends with looks at the domain only',
    () => field('emailDomain', 'endsWith', 'b@corp.example.org'),
    [],
  ],
  [
    'a value that looks like SQL is a literal',
    () => field('city', 'equals', "'; DROP TABLE segments_customers; --"),
    [],
  ],
  ['LIKE wildcards in a value are literal', () => field('city', 'contains', '%'), []],
];

const run = async (tree: RuleNode, mode: 'set' | 'single') => {
  const ctx = await createCompileContext(strapi, { mode, now: NOW });
  const rows: { id: number }[] = await matchingCustomerIds(
    tree,
    ctx,
    mode === 'single' ? Object.values(ids) : undefined
  );
  return rows.map((r) => names.get(r.id)!).sort();
};

describe('the segment compiler on the real database', () => {
  before(async () => {
    strapi = await bootStrapi();
    const knex = knexOf(strapi);
    const service = strapi.plugin('segments').service('customers');
    const articles = strapi.documents('api::article.article');
    ev = (
      await articles.create({ data: { title: 'EV news', category: 'EV' }, status: 'published' })
    ).documentId;
    travel = (
      await articles.create({ data: { title: 'Travel', category: 'Travel' }, status: 'published' })
    ).documentId;
    const people = {
      anna: {
        firstName: 'Anna',
        gender: 'female',
        dateOfBirth: yearsAgo(25),
        country: 'Netherlands',
        city: 'Amsterdam',
        jobTitle: 'Marketing Manager',
        tags: ['vip', 'ev'],
        terms: [{ termId: 'privacy', givenAt: '2024-01-10' }],
        subscriptions: [{ subscription: 'newsletter' }],
        emails: ['anna@shop.example.com'],
      },
      bob: {
        firstName: 'Bob',
        gender: 'male',
        dateOfBirth: yearsAgo(40, 3),
        country: 'Germany',
        city: 'Berlin',
        jobTitle: 'Developer',
        tags: ['b2b'],
        emails: ['bob@corp.example.org'],
      },
      cleo: {
        firstName: 'Cleo',
        country: 'Netherlands',
        city: 'Utrecht',
        terms: [{ termId: 'newsletter', givenAt: '2022-05-05' }],
      },
      dirk: {
        firstName: 'Dirk',
        gender: 'male',
        dateOfBirth: yearsAgo(18),
        country: 'Belgium',
        tags: ['ev-fan'],
        emails: ['dirk@shop.example.com'],
      },
    };
    for (const [name, input] of Object.entries(people)) {
      const created = await service.create(input, 'manual');
      ids[name] = await customerIdOf(strapi, created.documentId);
      names.set(ids[name], name);
    }
    const set = (name: string, values: object) =>
      knex(TABLE.customers).where('id', ids[name]).update(values);
    await set('anna', {
      source: 'import',
      created_at: new Date('2023-01-01'),
      last_activity_at: daysAgo(2),
    });
    await set('bob', {
      created_at: new Date('2024-06-01T10:00:00Z'),
      last_activity_at: daysAgo(1),
    });
    await set('cleo', {
      source: 'tracking',
      created_at: new Date('2025-01-01'),
      last_activity_at: daysAgo(1),
      anonymized_at: daysAgo(0),
    });
    await set('dirk', { created_at: new Date('2026-01-01') });
    await addEvents(strapi, ids.anna, [
      { type: 'View', occurredAt: daysAgo(2), itemDocumentId: ev },
      { type: 'View', occurredAt: daysAgo(5), itemDocumentId: ev },
      { type: 'View', occurredAt: daysAgo(40), itemDocumentId: ev },
    ]);
    await knex(TABLE.events).insert({
      document_id: 'conv-anna',
      customer_id: ids.anna,
      type: 'Conversion',
      occurred_at: daysAgo(2),
      utm_campaign: 'Spring-Sale',
      utm_source: 'Newsletter',
      created_at: NOW,
      updated_at: NOW,
    });
    await addEvents(strapi, ids.bob, [
      { type: 'View', occurredAt: daysAgo(1), itemDocumentId: travel },
      { type: 'View', occurredAt: daysAgo(100), itemDocumentId: ev },
      { type: 'Like', occurredAt: daysAgo(3), itemDocumentId: ev },
    ]);
    await knex(TABLE.events).insert({
      document_id: 'visit-cleo',
      customer_id: ids.cleo,
      type: 'PageVisit',
      url: 'https://shop.example.com/pricing',
      occurred_at: daysAgo(1),
      created_at: NOW,
      updated_at: NOW,
    });
    await addSegmentWithMembers(strapi, 'dutch', [ids.anna, ids.cleo]);
  });
  after(() => stopStrapi(strapi));

  for (const [name, tree, expected] of cases) {
    it(`${name}: ${expected.join(', ') || 'nobody'}`, async () => {
      assert.deepEqual(await run(tree(), 'set'), expected, 'whole-segment query');
      assert.deepEqual(await run(tree(), 'single'), expected, 'per-customer query');
    });
  }

  it('gives every case the same customers when all are evaluated in one reused query', async () => {
    const ctx = await createCompileContext(strapi, { mode: 'single', now: NOW });
    const segments = cases.map(([, tree], i) => ({
      id: 1000 + i,
      segmentId: `s${i}`,
      rules: tree(),
    }));
    const cache: LevelQueryCache = new Map();
    for (const subset of [['anna'], ['bob', 'dirk'], ['cleo'], ['anna', 'bob', 'cleo', 'dirk']]) {
      const found = new Map<number, string[]>();
      for (const { sql, bindings } of levelQueries(
        ctx,
        segments,
        subset.map((n) => ids[n]),
        cache
      )) {
        const rows = await queryPrepared<{ segment_id: number; customer_id: number }>(
          knexOf(strapi),
          sql,
          bindings
        );
        for (const r of rows) {
          const list = found.get(Number(r.segment_id)) ?? [];
          if (!list.includes(names.get(Number(r.customer_id))!))
            list.push(names.get(Number(r.customer_id))!);
          found.set(Number(r.segment_id), list);
        }
      }
      cases.forEach(([name, , expected], i) =>
        assert.deepEqual(
          (found.get(1000 + i) ?? []).sort(),
          expected.filter((n) => subset.includes(n)),
          `${name}, among ${subset.join(', ')}`
        )
      );
    }
    // ["anna"] and ["cleo"] share one compiled query; two and four customers have one each.
    assert.equal(cache.size, 3);
  });

  it('leaves the customers table in place after a value that looks like SQL', async () => {
    assert.equal(await knexOf(strapi).schema.hasTable(TABLE.customers), true);
  });
});
