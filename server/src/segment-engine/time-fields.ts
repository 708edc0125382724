import type { Knex } from 'knex';
import type { FieldCondition, Scalar } from '../../../contracts/segment-rules';
import { RuleCompileError } from './context';

/** Conditions on time: the customer's dates, and ages as ranges of date of birth. */

type Where = Knex.QueryBuilder;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: Scalar) => DATE_ONLY.test(String(v));
const startOf = (v: Scalar) => new Date(String(v));
/** The end of a value: a date without a time is the whole of that day, as in event windows. */
const endOf = (v: Scalar) => {
  const end = new Date(String(v));
  if (isDay(v)) end.setUTCDate(end.getUTCDate() + 1);
  return end;
};

/** A date-time column of the customers table: false when empty, like every comparison. */
export const dateField = (qb: Where, column: string, c: FieldCondition) => {
  const [first, second] = (Array.isArray(c.value) ? c.value : [c.value]) as Scalar[];
  const present = (test: (q: Where) => void) => qb.where((q) => test(q.whereNotNull(column)));
  const notAfter = (q: Where, v: Scalar) =>
    isDay(v) ? q.where(column, '<', endOf(v)) : q.where(column, '<=', startOf(v));
  switch (c.operator) {
    case 'lt':
      return present((q) => q.where(column, '<', startOf(first)));
    case 'lte':
      return present((q) => notAfter(q, first));
    case 'gt':
      return present((q) =>
        isDay(first) ? q.where(column, '>=', endOf(first)) : q.where(column, '>', startOf(first))
      );
    case 'gte':
      return present((q) => q.where(column, '>=', startOf(first)));
    case 'between':
      return present((q) => notAfter(q.where(column, '>=', startOf(first)), second));
    case 'isEmpty':
      return qb.whereNull(column);
    case 'isNotEmpty':
      return qb.whereNotNull(column);
    default:
      throw new RuleCompileError(`${c.field} does not take ${c.operator}`);
  }
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Ages past this many years match nobody's date of birth (and keep dates valid). */
const MAX_AGE = 1000;
const shiftYears = (now: Date, years: number) => {
  const n = Math.min(years, MAX_AGE);
  return isoDay(new Date(Date.UTC(now.getUTCFullYear() - n, now.getUTCMonth(), now.getUTCDate())));
};

/**
 * Age on the day of evaluation, as ranges of date of birth: age >= N means born on or before
 * today minus N years; age <= N means born after today minus N + 1 years. Ages are whole
 * years: "at least 30.5" is at least 31, and nobody is exactly 30.5.
 */
export const age = (qb: Where, c: FieldCondition, now: Date) => {
  const col = 'c.date_of_birth';
  const values = (Array.isArray(c.value) ? c.value : [c.value]) as number[];
  const [first] = values;
  const atLeast = (n: number) => (q: Where) => q.where(col, '<=', shiftYears(now, n));
  const atMost = (n: number) => (q: Where) =>
    n < 0 ? q.whereRaw('1 = 0') : q.where(col, '>', shiftYears(now, n + 1));
  const anyOf = (ns: number[]) => (q: Where) => {
    const whole = ns.filter(Number.isInteger);
    if (whole.length === 0) return q.whereRaw('1 = 0');
    return q.where((any) =>
      whole.forEach((n) => any.orWhere((one) => one.where(atLeast(n)).where(atMost(n))))
    );
  };
  const present = (test: (q: Where) => void) => qb.where((q) => test(q.whereNotNull(col)));
  const absentOr = (test: (q: Where) => void) => qb.where((q) => q.whereNull(col).orWhereNot(test));
  switch (c.operator) {
    case 'equals':
      return present(anyOf([first]));
    case 'notEquals':
      return absentOr(anyOf([first]));
    case 'in':
      return present(anyOf(values));
    case 'notIn':
      return absentOr(anyOf(values));
    case 'gte':
      return present(atLeast(Math.ceil(first)));
    case 'gt':
      return present(atLeast(Math.floor(first) + 1));
    case 'lte':
      return present(atMost(Math.floor(first)));
    case 'lt':
      return present(atMost(Math.ceil(first) - 1));
    case 'between': {
      const [from, to] = [Math.min(values[0], values[1]), Math.max(values[0], values[1])];
      return present((q) => q.where(atLeast(Math.ceil(from))).where(atMost(Math.floor(to))));
    }
    case 'isEmpty':
      return qb.whereNull(col);
    case 'isNotEmpty':
      return qb.whereNotNull(col);
    default:
      throw new RuleCompileError(`age does not take ${c.operator}`);
  }
};
