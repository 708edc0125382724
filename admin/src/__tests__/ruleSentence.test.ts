import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeCondition } from '../utils/ruleSentence';
import { t } from './translate';

describe('conditions as sentences', () => {
  it('reads characteristics with their field, operator and value', () => {
    assert.equal(
      describeCondition({ kind: 'field', field: 'gender', operator: 'equals', value: 'female' }, t),
      'Gender is Female'
    );
    assert.equal(
      describeCondition({ kind: 'field', field: 'age', operator: 'between', value: [18, 30] }, t),
      'Age is between 18 and 30'
    );
    assert.equal(
      describeCondition(
        { kind: 'field', field: 'createdAt', operator: 'lt', value: '2024-01-01' },
        t
      ),
      'Created is before 2024-01-01'
    );
    assert.equal(
      describeCondition({ kind: 'field', field: 'tags', operator: 'in', value: ['vip', 'b2b'] }, t),
      'Tags include any of vip, b2b'
    );
    assert.equal(
      describeCondition({ kind: 'field', field: 'city', operator: 'isEmpty' }, t),
      'City is empty'
    );
    assert.equal(
      describeCondition(
        {
          kind: 'field',
          field: 'terms',
          operator: 'equals',
          value: 'privacy',
          since: '2024-05-01',
        },
        t
      ),
      'Terms include privacy (since 2024-05-01)'
    );
    assert.equal(
      describeCondition(
        { kind: 'field', field: 'anonymized', operator: 'equals', value: false },
        t
      ),
      'Anonymized is no'
    );
  });

  it('reads events with target, count and window', () => {
    assert.equal(
      describeCondition(
        {
          kind: 'event',
          did: true,
          eventType: 'View',
          target: {
            type: 'contentType',
            uid: 'api::article.article',
            field: 'category',
            value: 'EV',
          },
          count: { operator: 'atLeast', value: 2 },
          window: { type: 'lastDays', days: 30 },
        },
        t,
        { contentTypes: { 'api::article.article': 'Article' } }
      ),
      'Did “View” on any Article whose category is EV at least 2 times in the last 30 days'
    );
    assert.equal(
      describeCondition(
        {
          kind: 'event',
          did: false,
          eventType: 'Conversion',
          target: { type: 'any' },
          count: { operator: 'atLeast', value: 1 },
          window: { type: 'ever' },
        },
        t
      ),
      'Did not do “Conversion”'
    );
    assert.equal(
      describeCondition(
        {
          kind: 'event',
          did: true,
          eventType: 'PageVisit',
          target: { type: 'url', pattern: '/pricing*' },
          count: { operator: 'exactly', value: 1 },
          window: { type: 'between', from: '2024-01-01', to: '2024-02-01' },
        },
        t
      ),
      'Did “PageVisit” on a page matching /pricing* exactly 1 time between 2024-01-01 and 2024-02-01'
    );
  });

  it('reads first events, UTM parameters and segments', () => {
    assert.equal(
      describeCondition({ kind: 'firstEvent', eventType: 'SignUp', days: 1 }, t),
      'First did “SignUp” in the last 1 day'
    );
    assert.equal(
      describeCondition(
        { kind: 'utm', param: 'campaign', operator: 'startsWith', value: 'ev-' },
        t
      ),
      'UTM campaign starts with ev-'
    );
    assert.equal(
      describeCondition({ kind: 'segment', operator: 'notIn', segmentId: 'vip' }, t, {
        segments: { vip: 'VIP customers' },
      }),
      'Is not in segment VIP customers'
    );
    assert.equal(
      describeCondition({ kind: 'segment', operator: 'in', segmentId: 'gone' }, t),
      'Is in segment gone'
    );
  });
});
