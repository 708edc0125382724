import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { ValueField } from '../../../contracts/customer-values';
import { rowsOf } from './prepared';

const COLUMN: Record<ValueField, { table: string; column: string }> = {
  tags: { table: TABLE.tags, column: 'tag' },
  terms: { table: TABLE.terms, column: 'term_id' },
  subscriptions: { table: TABLE.subscriptions, column: 'subscription' },
};

/** The skip scan: the first `limit` distinct lower-cased values from `from` on, one seek each. */
export const valuesQuery = (knex: Knex, field: ValueField, from: string, limit = 50) => {
  const { table, column } = COLUMN[field];
  const value = `LOWER(${column})`;
  return knex.raw(
    `WITH RECURSIVE v(value, n) AS (
       SELECT (SELECT ${value} FROM ?? WHERE ${value} >= ? ORDER BY ${value} LIMIT 1), 1
       UNION ALL
       SELECT (SELECT ${value} FROM ?? WHERE ${value} > v.value ORDER BY ${value} LIMIT 1), n + 1
       FROM v WHERE v.value IS NOT NULL AND n < ?
     )
     SELECT value FROM v WHERE value IS NOT NULL`,
    [table, from, table, limit]
  );
};

/** The distinct lower-cased values of `field` from `from` on, in order, at most `limit`. */
export const distinctValuesFrom = async (
  knex: Knex,
  field: ValueField,
  from: string,
  limit?: number
): Promise<string[]> =>
  rowsOf<{ value: string }>(await valuesQuery(knex, field, from, limit)).map((r) => r.value);
