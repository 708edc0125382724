import { GENDERS, type Gender } from '../../../contracts/constants';
import {
  customerListFilters,
  SORTABLE_FIELDS,
  type CustomerListFilters,
} from '../../../contracts/customer-list';
import { endOfLocalDay, isDay, startOfLocalDay } from './dates';

/** A search or filter of the customer list (the contract's names). */
export type FilterKey = keyof CustomerListFilters;

/** The list's search and filters as the URL and the inputs hold them: text, absent when unset. */
export type ListFilters = Partial<Record<FilterKey, string>>;

export type SortField = (typeof SORTABLE_FIELDS)[number];
export type Sort = `${SortField}:${'asc' | 'desc'}`;

/** What the customer list shows: one page of the customers matching the filters. */
export interface ListState {
  page: number;
  sort: Sort;
  filters: ListFilters;
}

export const DEFAULT_SORT: Sort = 'createdAt:desc';

/** Every search and filter key, taken from the contract's schema so the two cannot drift. */
export const FILTER_KEYS = Object.keys(customerListFilters.fields) as FilterKey[];

const isSort = (value: string | null): value is Sort =>
  value !== null && new RegExp(`^(${SORTABLE_FIELDS.join('|')}):(asc|desc)$`).test(value);

const isGender = (value: string): value is Gender => (GENDERS as readonly string[]).includes(value);

const age = (value: string | undefined) => {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 150 ? n : undefined;
};

/** The list state a URL's query string describes (unknown or broken values ignored). */
export const readListState = (params: URLSearchParams): ListState => {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const sort = params.get('sort');
  const filters: ListFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return {
    page: Number.isFinite(page) && page > 0 ? page : 1,
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    filters,
  };
};

/** The query string for a list state; defaults are left out to keep URLs short. */
export const writeListState = (state: ListState): URLSearchParams => {
  const params = new URLSearchParams();
  if (state.page > 1) params.set('page', String(state.page));
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
};

/**
 * The filters as the API takes them (also the `filters` of a bulk delete of "all matching").
 * Created from/to are whole days in the browser's time zone; values that can't be right are
 * dropped rather than sent.
 */
export const toApiFilters = (filters: ListFilters): CustomerListFilters => {
  const out: CustomerListFilters = {};
  if (filters.q) out.q = filters.q;
  if (filters.gender && isGender(filters.gender)) out.gender = filters.gender;
  if (filters.country) out.country = filters.country;
  if (filters.tag) out.tag = filters.tag;
  if (filters.segment) out.segment = filters.segment;
  if (isDay(filters.createdFrom)) out.createdFrom = new Date(startOfLocalDay(filters.createdFrom));
  if (isDay(filters.createdTo)) out.createdTo = new Date(endOfLocalDay(filters.createdTo));
  const ageMin = age(filters.ageMin);
  const ageMax = age(filters.ageMax);
  if (ageMin !== undefined) out.ageMin = ageMin;
  if (ageMax !== undefined) out.ageMax = ageMax;
  return out;
};

/** The query string of `GET /segments/customers` for a list state. */
export const listRequestParams = (state: ListState): URLSearchParams => {
  const params = new URLSearchParams({ page: String(state.page), sort: state.sort });
  for (const [key, value] of Object.entries(toApiFilters(state.filters))) {
    if (value === undefined || value === null) continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return params;
};

/** How many filters (search not counted) narrow the list. */
export const countFilters = (filters: ListFilters) =>
  FILTER_KEYS.filter((key) => key !== 'q' && filters[key]).length;
