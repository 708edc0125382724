import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptySnapshot, mergeRow } from '../merge';

const row = (over: object = {}) => ({
  customerId: null,
  email: 'a@example.com',
  phone: null,
  scalars: {},
  tags: [],
  terms: [],
  ...over,
});

describe('merging an import row into a customer', () => {
  it('fills only the fields that are empty', () => {
    const snapshot = { ...emptySnapshot(), scalars: { firstName: 'Anna', lastName: null } };
    const result = mergeRow(snapshot, row({ scalars: { firstName: 'Other', lastName: 'Smit' } }));
    assert.deepEqual(result.scalars, { lastName: 'Smit' });
    assert.deepEqual(result.fields, ['lastName']);
    assert.equal(snapshot.scalars.firstName, 'Anna');
  });

  it('adds new phones, tags and terms and keeps existing ones', () => {
    const snapshot = {
      ...emptySnapshot(),
      phones: new Set(['31600000000']),
      tags: new Set(['vip']),
      terms: new Map([['privacy', '2020-01-01']]),
    };
    const result = mergeRow(
      snapshot,
      row({
        phone: '31611111111',
        tags: ['vip', 'b2b'],
        terms: [
          { termId: 'privacy', givenAt: '2024-01-01' },
          { termId: 'news', givenAt: '2024-01-01' },
        ],
      })
    );
    assert.deepEqual(
      [result.phones, result.tags, result.terms],
      [['31611111111'], ['b2b'], [{ termId: 'news', givenAt: '2024-01-01' }]]
    );
    assert.deepEqual(result.fields, ['phones', 'tags', 'terms']);
    assert.equal(snapshot.terms.get('privacy'), '2020-01-01');
  });

  it('reports a row whose values are all present as unchanged', () => {
    const snapshot = { ...emptySnapshot(), scalars: { firstName: 'Anna' }, tags: new Set(['vip']) };
    assert.deepEqual(
      mergeRow(snapshot, row({ scalars: { firstName: 'Anna' }, tags: ['vip'] })).fields,
      []
    );
  });

  it('does not add a tag or term the customer has in another letter case', () => {
    const snapshot = {
      ...emptySnapshot(),
      tags: new Set(['vip']),
      terms: new Map([['privacy', '2020-01-01']]),
    };
    const result = mergeRow(
      snapshot,
      row({
        tags: ['VIP', 'B2B', 'b2b'],
        terms: [{ termId: 'Privacy', givenAt: '2024-01-01' }],
      })
    );
    assert.deepEqual([result.tags, result.terms], [['B2B'], []]);
  });

  it('treats two rows with one email as imported one after the other', () => {
    const snapshot = emptySnapshot();
    mergeRow(snapshot, row({ scalars: { firstName: 'First' } }));
    const second = mergeRow(snapshot, row({ scalars: { firstName: 'Second', city: 'Delft' } }));
    assert.deepEqual(second.scalars, { city: 'Delft' });
    assert.equal(snapshot.scalars.firstName, 'First');
  });

  it('replaces differing values and adds a new email for a row naming its customer by customer_id', () => {
    const snapshot = {
      ...emptySnapshot(),
      id: 7,
      scalars: { firstName: 'Anna', city: 'Delft', lastName: 'Smit' },
      emails: new Set(['anna@example.com']),
    };
    const result = mergeRow(
      snapshot,
      row({ email: 'anna@new.example.com', scalars: { city: 'Gouda', lastName: 'Smit' } }),
      true
    );
    assert.deepEqual(
      [result.scalars, result.emails],
      [{ city: 'Gouda' }, ['anna@new.example.com']]
    );
    assert.deepEqual(result.fields, ['city', 'emails']);
    assert.equal(snapshot.scalars.firstName, 'Anna', 'an empty cell changes nothing');
  });
});
