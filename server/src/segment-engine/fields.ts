import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { CHILD_OF, COLUMN_OF, type ColumnFieldName } from '../../../contracts/customer-schema';
import { FIELDS, type FieldCondition, type Scalar } from '../../../contracts/segment-rules';
import { escapeLike, RuleCompileError, whereOwnedBy, type CompileContext } from './context';
import { age, dateField } from './time-fields';

type Where = Knex.QueryBuilder;

/** The customers-table column of a field the rules compare, from the customer schema. */
const columnOf = (field: ColumnFieldName) => `c.${COLUMN_OF[field]}`;

/** A LIKE over lower-cased text, the same on SQLite and PostgreSQL. */
const like = (qb: Where, column: string, pattern: string) =>
  qb.whereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, pattern.toLowerCase()]);

const patternFor = (operator: string, value: string) => {
  const v = escapeLike(value);
  return operator === 'contains' ? `%${v}%` : operator === 'startsWith' ? `${v}%` : `%${v}`;
};

/** Text fields compare without regard to letter case; enums hold canonical values. */
const isText = (c: FieldCondition) => FIELDS[c.field] === 'text';

/**
 * Applies a scalar operator to one column of the customers table. Every branch is true or
 * false, never NULL (see docs/segment-rules.md): a positive operator is false on an empty
 * column, a negative one (notEquals, notIn) true, so that NOT of a group is its complement.
 */
const scalar = (qb: Where, columnName: string, c: FieldCondition) => {
  const folded = isText(c);
  const column = (folded
    ? qb.client.raw('LOWER(??)', [columnName])
    : columnName) as unknown as string;
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) =>
    folded && typeof v === 'string' ? v.toLowerCase() : (v as Scalar)
  );
  const [first] = values;
  const present = (test: (q: Where) => void) => qb.where((q) => test(q.whereNotNull(columnName)));
  const absentOr = (test: (q: Where) => void) =>
    qb.where((q) => q.whereNull(columnName).orWhere(test));
  switch (c.operator) {
    case 'equals':
      return present((q) => q.where(column, first as any));
    case 'notEquals':
      return absentOr((q) => q.whereNot(column, first as any));
    case 'in':
      return present((q) => q.whereIn(column, values as any[]));
    case 'notIn':
      return absentOr((q) => q.whereNotIn(column, values as any[]));
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return present((q) => like(q, columnName, patternFor(c.operator, String(first))));
    case 'isEmpty':
      return qb.where((q) => q.whereNull(columnName).orWhere(columnName, ''));
    case 'isNotEmpty':
      return qb.where((q) => q.whereNotNull(columnName).whereNot(columnName, ''));
    default:
      throw new RuleCompileError(`${c.field} does not take ${c.operator}`);
  }
};

/** Multi-valued fields; their values compare without regard to letter case. */
const SETS = {
  tags: CHILD_OF.tags,
  subscriptions: CHILD_OF.subscriptions,
  terms: CHILD_OF.terms,
} as const;

/**
 * Multi-valued fields: "has a value that ..." as a membership test on the child table, and
 * the negative operators as its negation ("has no value that ..."), true for an empty list.
 * `LOWER(column) = ?` is served by the expression indexes of database/case-indexes.ts.
 */
const set = (qb: Where, c: FieldCondition, ctx: CompileContext) => {
  const spec = SETS[c.field as keyof typeof SETS];
  const lower = ctx.knex.raw('LOWER(??)', [spec.value]) as unknown as string;
  const owners = (apply?: (q: Where) => void) => {
    const sub = ctx.knex(spec.table).select('customer_id');
    if (apply) sub.where(apply);
    if (c.since && spec.since) {
      sub.where(spec.since, '>=', spec.since === 'given_at' ? c.since : new Date(c.since));
    }
    return sub;
  };
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => String(v).toLowerCase());
  switch (c.operator) {
    case 'equals':
      return whereOwnedBy(
        qb,
        owners((q) => q.where(lower, values[0])),
        ctx
      );
    case 'in':
      return whereOwnedBy(
        qb,
        owners((q) => q.whereIn(lower, values)),
        ctx
      );
    case 'notEquals':
      return whereOwnedBy(
        qb,
        owners((q) => q.where(lower, values[0])),
        ctx,
        { negate: true }
      );
    case 'notIn':
      return whereOwnedBy(
        qb,
        owners((q) => q.whereIn(lower, values)),
        ctx,
        { negate: true }
      );
    case 'contains':
    case 'startsWith':
      return whereOwnedBy(
        qb,
        owners((q) => like(q, spec.value, patternFor(c.operator, values[0]))),
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

/** The domain part (after the @) of any of the customer's emails, which are lower-cased. */
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
        owners((v) => `%@%${v}`, values),
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
      return dateField(qb, columnOf(c.field), c);
    case 'gender':
    case 'country':
    case 'city':
    case 'jobTitle':
    case 'source':
      return scalar(qb, columnOf(c.field), c);
    default: {
      const field: never = c.field;
      throw new RuleCompileError(`Unknown field ${field}`);
    }
  }
};
