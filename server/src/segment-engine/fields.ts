import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { FIELDS, type FieldCondition, type Scalar } from '../../../contracts/segment-rules';
import { escapeLike, RuleCompileError, whereOwnedBy, type CompileContext } from './context';

type Where = Knex.QueryBuilder;

const COLUMNS: Record<string, string> = {
  gender: 'c.gender',
  country: 'c.country',
  city: 'c.city',
  jobTitle: 'c.job_title',
  source: 'c.source',
  createdAt: 'c.created_at',
  lastActivityAt: 'c.last_activity_at',
};

/** A LIKE over lower-cased text, the same on SQLite and PostgreSQL. */
const like = (qb: Where, column: string, pattern: string) =>
  qb.whereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, pattern.toLowerCase()]);

const patternFor = (operator: string, value: string) => {
  const v = escapeLike(value);
  return operator === 'contains' ? `%${v}%` : operator === 'startsWith' ? `${v}%` : `%${v}`;
};

const asDate = (v: Scalar) => new Date(String(v));

/** Free-text fields compare without regard to letter case. */
const CASE_INSENSITIVE = new Set(['city', 'jobTitle']);

/** Applies a scalar operator to one column of the customers table. */
const scalar = (
  qb: Where,
  columnName: string,
  c: FieldCondition,
  convert: (v: Scalar) => unknown = (v) => v
) => {
  const folded = CASE_INSENSITIVE.has(c.field);
  const column = (folded
    ? qb.client.raw('LOWER(??)', [columnName])
    : columnName) as unknown as string;
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) =>
    convert(folded && typeof v === 'string' ? v.toLowerCase() : (v as Scalar))
  );
  const [first, second] = values;
  switch (c.operator) {
    case 'equals':
      return qb.where(column, first as any);
    case 'notEquals':
      return qb.where((q) => q.whereNot(column, first as any).orWhereNull(column));
    case 'in':
      return qb.whereIn(column, values as any[]);
    case 'notIn':
      return qb.where((q) => q.whereNotIn(column, values as any[]).orWhereNull(column));
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return like(qb, columnName, patternFor(c.operator, String(first)));
    case 'lt':
      return qb.where(column, '<', first as any);
    case 'lte':
      return qb.where(column, '<=', first as any);
    case 'gt':
      return qb.where(column, '>', first as any);
    case 'gte':
      return qb.where(column, '>=', first as any);
    case 'between':
      return qb.whereBetween(column, [first as any, second as any]);
    case 'isEmpty':
      return FIELDS[c.field] === 'date'
        ? qb.whereNull(columnName)
        : qb.where((q) => q.whereNull(columnName).orWhere(columnName, ''));
    case 'isNotEmpty':
      return FIELDS[c.field] === 'date'
        ? qb.whereNotNull(columnName)
        : qb.whereNotNull(columnName).whereNot(columnName, '');
  }
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const shiftYears = (now: Date, years: number) =>
  isoDay(new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate())));

/**
 * Age on the day of evaluation, as ranges of date of birth: age >= N means born on or before
 * today minus N years; age <= N means born after today minus N + 1 years.
 */
const age = (qb: Where, c: FieldCondition, now: Date) => {
  const col = 'c.date_of_birth';
  const values = (Array.isArray(c.value) ? c.value : [c.value]) as number[];
  const atLeast = (n: number) => (q: Where) => q.where(col, '<=', shiftYears(now, n));
  const atMost = (n: number) => (q: Where) => q.where(col, '>', shiftYears(now, n + 1));
  const exactly = (n: number) => (q: Where) => q.where(atLeast(n)).where(atMost(n));
  switch (c.operator) {
    case 'equals':
      return qb.where(exactly(values[0]));
    case 'notEquals':
      return qb.whereNotNull(col).whereNot(exactly(values[0]));
    case 'in':
      return qb.where((q) => values.forEach((n) => q.orWhere(exactly(n))));
    case 'notIn':
      return qb.whereNotNull(col).whereNot((q) => values.forEach((n) => q.orWhere(exactly(n))));
    case 'gte':
      return qb.where(atLeast(values[0]));
    case 'gt':
      return qb.where(atLeast(values[0] + 1));
    case 'lte':
      return qb.where(atMost(values[0]));
    case 'lt':
      return qb.where(atMost(values[0] - 1));
    case 'between':
      return qb
        .where(atLeast(Math.min(values[0], values[1])))
        .where(atMost(Math.max(values[0], values[1])));
    case 'isEmpty':
      return qb.whereNull(col);
    case 'isNotEmpty':
      return qb.whereNotNull(col);
    default:
      throw new RuleCompileError(`age does not take ${c.operator}`);
  }
};

const SETS = {
  tags: { table: TABLE.tags, column: 'tag', since: null },
  subscriptions: { table: TABLE.subscriptions, column: 'subscription', since: 'subscribed_at' },
  terms: { table: TABLE.terms, column: 'term_id', since: 'given_at' },
} as const;

/** Multi-valued fields: "has a value that ..." as a membership test on the child table. */
const set = (qb: Where, c: FieldCondition, ctx: CompileContext) => {
  const spec = SETS[c.field as keyof typeof SETS];
  const owners = (apply?: (q: Where) => void) => {
    const sub = ctx.knex(spec.table).select('customer_id');
    if (apply) sub.where(apply);
    if (c.since && spec.since) {
      sub.where(spec.since, '>=', spec.since === 'given_at' ? c.since : new Date(c.since));
    }
    return sub;
  };
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map(String);
  switch (c.operator) {
    case 'equals':
      return whereOwnedBy(
        qb,
        owners((q) => q.where(spec.column, values[0])),
        ctx
      );
    case 'in':
      return whereOwnedBy(
        qb,
        owners((q) => q.whereIn(spec.column, values)),
        ctx
      );
    case 'notEquals':
      return whereOwnedBy(
        qb,
        owners((q) => q.where(spec.column, values[0])),
        ctx,
        { negate: true }
      );
    case 'notIn':
      return whereOwnedBy(
        qb,
        owners((q) => q.whereIn(spec.column, values)),
        ctx,
        { negate: true }
      );
    case 'contains':
    case 'startsWith':
      return whereOwnedBy(
        qb,
        owners((q) => like(q, spec.column, patternFor(c.operator, values[0]))),
        ctx
      );
    case 'isEmpty':
      return whereOwnedBy(qb, owners(), ctx, { negate: true });
    case 'isNotEmpty':
      return whereOwnedBy(qb, owners(), ctx);
    default:
      throw new RuleCompileError(`${c.field} does not take ${c.operator}`);
  }
};

/** The domain part of any of the customer's emails. */
const emailDomain = (qb: Where, c: FieldCondition, ctx: CompileContext) => {
  const owners = (pattern: (v: string) => string, values: string[]) =>
    ctx
      .knex(TABLE.emails)
      .select('customer_id')
      .where((q) =>
        values.forEach((v) =>
          q.orWhereRaw(`normalized LIKE ? ESCAPE '\\'`, [pattern(escapeLike(v.toLowerCase()))])
        )
      );
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map(String);
  const exact = (v: string) => `%@${v}`;
  switch (c.operator) {
    case 'equals':
    case 'in':
      return whereOwnedBy(qb, owners(exact, values), ctx);
    case 'notEquals':
    case 'notIn':
      return whereOwnedBy(qb, owners(exact, values), ctx, { negate: true });
    case 'contains':
      return whereOwnedBy(
        qb,
        owners((v) => `%@%${v}%`, values),
        ctx
      );
    case 'startsWith':
      return whereOwnedBy(
        qb,
        owners((v) => `%@${v}%`, values),
        ctx
      );
    case 'endsWith':
      return whereOwnedBy(
        qb,
        owners((v) => `%${v}`, values),
        ctx
      );
    case 'isEmpty':
      return whereOwnedBy(qb, ctx.knex(TABLE.emails).select('customer_id'), ctx, { negate: true });
    case 'isNotEmpty':
      return whereOwnedBy(qb, ctx.knex(TABLE.emails).select('customer_id'), ctx);
    default:
      throw new RuleCompileError(`emailDomain does not take ${c.operator}`);
  }
};

/** Compiles a condition on a customer characteristic into `qb` (a query over customers `c`). */
export const compileField = (qb: Where, c: FieldCondition, ctx: CompileContext) => {
  switch (c.field) {
    case 'age':
      return age(qb, c, ctx.now);
    case 'tags':
    case 'subscriptions':
    case 'terms':
      return set(qb, c, ctx);
    case 'emailDomain':
      return emailDomain(qb, c, ctx);
    case 'anonymized':
      return c.value ? qb.whereNotNull('c.anonymized_at') : qb.whereNull('c.anonymized_at');
    case 'createdAt':
    case 'lastActivityAt':
      return scalar(qb, COLUMNS[c.field], c, asDate);
    case 'gender':
    case 'country':
    case 'city':
    case 'jobTitle':
    case 'source':
      return scalar(qb, COLUMNS[c.field], c);
    default: {
      const field: never = c.field;
      throw new RuleCompileError(`Unknown field ${field}`);
    }
  }
};
