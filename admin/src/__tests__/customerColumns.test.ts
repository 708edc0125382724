import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultColumns, parseColumns } from '../components/List/customerColumns';
import { initialScope, scopeRequest } from '../components/Export/exportOptions';

describe('the customer list columns', () => {
  it('shows what fits the window until the admin chooses', () => {
    assert.deepEqual(parseColumns(null, 1440), ['email', 'country', 'segments', 'lastActivityAt']);
    assert.deepEqual(parseColumns(null, 1024), ['email', 'lastActivityAt']);
    assert.deepEqual(defaultColumns(1279), ['email', 'lastActivityAt']);
  });

  it('keeps a stored choice in table order and drops what is not a column', () => {
    assert.deepEqual(parseColumns('["createdAt","city","password"]', 1440), ['city', 'createdAt']);
    assert.deepEqual(parseColumns('[]', 1440), [], 'only the name');
  });

  it('falls back to the defaults for a stored value it cannot read', () => {
    assert.deepEqual(parseColumns('{not json', 1024), ['email', 'lastActivityAt']);
    assert.deepEqual(parseColumns('"email"', 1024), ['email', 'lastActivityAt']);
  });
});

describe('the export dialog scope', () => {
  it('starts from the selection, else the filters in use, else everyone', () => {
    assert.equal(initialScope(3, true), 'selected');
    assert.equal(initialScope(0, true), 'filtered');
    assert.equal(initialScope(0, false), 'all');
  });

  it('asks the server for the customers of the chosen scope only', () => {
    const filters = { country: 'Netherlands' };
    assert.deepEqual(scopeRequest('filtered', filters, ['a']), { filters });
    assert.deepEqual(scopeRequest('selected', filters, ['a']), { documentIds: ['a'] });
    assert.deepEqual(scopeRequest('all', filters, ['a']), {});
  });
});
