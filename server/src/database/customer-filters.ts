import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { CHILD_OF, COLUMN_OF } from '../../../contracts/customer-schema';
import type { CustomerListFilters } from '../../../contracts/customer-list';
import { nameTokens } from '../../../contracts/customer-fields';

/** `column` starts with `prefix`, as a range so that a plain b-tree index serves it on any engine. */
const startsWith = (qb: Knex.QueryBuilder, column: string, prefix: string) =>
  qb.where(column, '>=', prefix).andWhere(column, '<', `${prefix}\uffff`);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The end of a `createdTo` bound: a whole day when the bound is a date without a time. */
const endOf = (value: Date) => {
  const end = new Date(value);
  if (
    end.getUTCHours() === 0 &&
    end.getUTCMinutes() === 0 &&
    end.getUTCSeconds() === 0 &&
    end.getUTCMilliseconds() === 0
  ) {
    end.setUTCDate(end.getUTCDate() + 1);
  } else {
    end.setUTCMilliseconds(end.getUTCMilliseconds() + 1);
  }
  return end;
};

const yearsAgo = (years: number, today = new Date()) =>
  new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));

/**
 * Search: every word of `q` starts a word of the customer's name ("jan de vries", "vries"), or
 * `q` starts one of their emails, or (as digits with country code) one of their phone numbers.
 * Each branch is an index range scan.
 */
const applySearch = (knex: Knex, qb: Knex.QueryBuilder, q: string) => {
  const text = q.trim().toLowerCase();
  const emails = () => startsWith(knex(TABLE.emails).select('customer_id'), 'normalized', text);
  // Digits with spaces, dashes, dots, brackets or a leading + / 00: the start of a phone number.
  if (/^[+\d\s\-().]+$/.test(text)) {
    const digits = text.replace(/^\+/, '').replace(/^00/, '').replace(/\D/g, '');
    if (digits.length >= 3) {
      const { table, value } = CHILD_OF.phones;
      qb.whereIn('c.id', startsWith(knex(table).select('customer_id'), value, digits));
      return;
    }
  }
  const words = nameTokens(text);
  if (text.includes('@') || words.length === 0) {
    qb.whereIn('c.id', emails());
    return;
  }
  // Every word starts a word of the name: an INTERSECT of one range scan of the token index per
  // word (a nested IN made SQLite probe every customer of one word's range row by row), and
  // one IN over the UNION with the emails keeps both engines on the indexes (an OR of INs
  // makes PostgreSQL scan the customers).
  const byWord = (word: string) =>
    startsWith(
      knex(CHILD_OF.nameTokens.table).select('customer_id'),
      CHILD_OF.nameTokens.value,
      word
    );
  const [first, ...rest] = words;
  const byName = byWord(first);
  rest.forEach((word) => byName.intersect(byWord(word)));
  const ids = byName.union(emails());
  // PostgreSQL guesses the INTERSECT of two common words at 8x its size and then joins by
  // scanning every customer (375 ms at 1M); `= ANY(ARRAY(...))` computes the ids once, as an
  // InitPlan the planner sizes small, and probes the primary key for each.
  if (knex.client.config.client === 'pg') qb.whereRaw('c.id = ANY(ARRAY(?))', [ids]);
  else qb.whereIn('c.id', ids);
};

/** Applies the list's search and filters to a query over the customers table aliased `c`. */
export const applyCustomerFilters = (
  knex: Knex,
  qb: Knex.QueryBuilder,
  filters: CustomerListFilters = {}
) => {
  if (filters.q?.trim()) applySearch(knex, qb, filters.q);
  if (filters.gender) qb.where(`c.${COLUMN_OF.gender}`, filters.gender);
  if (filters.country) qb.where(`c.${COLUMN_OF.country}`, filters.country);
  if (filters.tag) {
    // In any letter case, as the rules compare tags (an index on LOWER(tag): case-indexes.ts).
    qb.whereIn(
      'c.id',
      knex(TABLE.tags).select('customer_id').whereRaw('LOWER(tag) = ?', [filters.tag.toLowerCase()])
    );
  }
  if (filters.segment) {
    qb.whereIn(
      'c.id',
      knex(`${TABLE.memberships} as m`)
        .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
        .select('m.customer_id')
        .where('s.segment_id', filters.segment)
    );
  }
  if (filters.createdFrom) qb.where('c.created_at', '>=', filters.createdFrom);
  if (filters.createdTo) qb.where('c.created_at', '<', endOf(filters.createdTo));
  // Age N: born on or before today minus N years, and after today minus N + 1 years.
  if (filters.ageMin !== undefined) {
    qb.where('c.date_of_birth', '<=', isoDate(yearsAgo(filters.ageMin)));
  }
  if (filters.ageMax !== undefined) {
    qb.where('c.date_of_birth', '>', isoDate(yearsAgo(filters.ageMax + 1)));
  }
  return qb;
};

/** True when no filter narrows the set: "all customers". */
export const hasNoFilters = (filters: CustomerListFilters = {}) =>
  Object.values(filters).every((v) => v === undefined || v === null || v === '');
