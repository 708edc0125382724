import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { customerListFilters } from '../../../contracts/customer-list';
import {
  countFilters,
  DEFAULT_SORT,
  FILTER_KEYS,
  listRequestParams,
  readListState,
  toApiFilters,
  writeListState,
} from '../utils/listQuery';
import { pageWindow } from '../utils/pageWindow';

describe('customer list URL state', () => {
  it('knows every filter of the contract', () => {
    assert.deepEqual([...FILTER_KEYS].sort(), Object.keys(customerListFilters.fields).sort());
  });

  it('reads what it writes', () => {
    const state = {
      page: 3,
      sort: 'lastName:asc' as const,
      filters: { q: 'jan & de vries', gender: 'female', ageMin: '18', createdFrom: '2025-01-31' },
    };
    assert.deepEqual(readListState(writeListState(state)), state);
  });

  it('leaves defaults out of the URL', () => {
    assert.equal(writeListState({ page: 1, sort: DEFAULT_SORT, filters: {} }).toString(), '');
  });

  it('ignores broken values in a URL', () => {
    const state = readListState(new URLSearchParams('page=-2&sort=password:asc&q=%20%20&foo=1'));
    assert.deepEqual(state, { page: 1, sort: DEFAULT_SORT, filters: {} });
  });

  it('sends only filters the API accepts, created dates as whole local days', () => {
    const filters = toApiFilters({
      gender: 'robot',
      ageMin: 'x',
      ageMax: '65',
      createdFrom: '2025-02-30',
      createdTo: '2025-03-01',
      tag: 'vip',
    });
    assert.deepEqual(Object.keys(filters).sort(), ['ageMax', 'createdTo', 'tag']);
    const until = filters.createdTo as Date;
    assert.equal(until.getHours(), 23);
    assert.equal(until.getDate(), 1);
    customerListFilters.validateSync(filters);
  });

  it('builds the list request with page, sort and ISO dates', () => {
    const params = listRequestParams({
      page: 2,
      sort: DEFAULT_SORT,
      filters: { q: 'a+b', createdFrom: '2025-01-01', country: 'Netherlands' },
    });
    assert.equal(params.get('page'), '2');
    assert.equal(params.get('q'), 'a+b');
    assert.match(params.get('createdFrom') ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(params.get('country'), 'Netherlands');
  });

  it('counts filters without the search', () => {
    assert.equal(countFilters({ q: 'x', tag: 'a', segment: 'b' }), 2);
  });
});

describe('pager', () => {
  it('shows first, last and the neighbours of the current page', () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
    assert.deepEqual(pageWindow(5, 10), [1, null, 4, 5, 6, null, 10]);
    assert.deepEqual(pageWindow(10, 10), [1, null, 9, 10]);
  });
});
