import type { Knex } from 'knex';
import { LIST_SEPARATOR, TABLE } from '../../../contracts/constants';
import type { CustomerListFilters } from '../../../contracts/customer-list';
import type { ExportField } from '../../../contracts/exports';
import {
  CHILD_OF,
  COLUMN_OF,
  CUSTOMER_FIELDS,
  isListField,
  type ColumnFieldName,
  type ListFieldName,
} from '../../../contracts/customer-schema';
import { applyCustomerFilters, hasNoFilters } from './customer-filters';
import { SEGMENT_ID_SEPARATOR } from './export-read';

/** Which customers an export holds: all, those matching the list's filters, or a selection. */
export interface ExportScope {
  filters?: CustomerListFilters;
  documentIds?: string[];
}

/** A multi-valued field: its values (`value`, ordered by `order`) per customer (`customer`). */
interface List {
  from: string;
  customer: string;
  /** A column, or an SQL expression over the list's table. */
  value: string | ((knex: Knex, postgres: boolean) => Knex.Raw);
  /** Absent for the segments, which the caller orders. */
  order?: string;
}

const listOf = (field: ListFieldName): List => {
  const child = CHILD_OF[field];
  return { from: child.table, customer: 'customer_id', value: child.value, order: child.order };
};

/** A customer-schema column field, or null. */
const columnOf = (field: ExportField): string | null =>
  field !== 'segments' && !isListField(CUSTOMER_FIELDS[field])
    ? COLUMN_OF[field as ColumnFieldName]
    : null;

const LISTS: Partial<Record<ExportField, List>> = {
  emails: listOf('emails'),
  phones: listOf('phones'),
  tags: listOf('tags'),
  subscriptions: listOf('subscriptions'),
  // As the import reads them: date:TermID.
  terms: {
    ...listOf('terms'),
    value: (knex, postgres) =>
      knex.raw(postgres ? `given_at::text || ':' || term_id` : `given_at || ':' || term_id`),
  },
  // Row ids of the segments, in index order without a join: the caller names and sorts them
  // (segmentNames), the same as joining the segments and ordering by their segment_id.
  segments: {
    from: TABLE.memberships,
    customer: 'customer_id',
    value: 'segment_id',
  },
};

/** A list's value as SQL: `??` bound to its column, or its expression inlined. */
const valueSql = (knex: Knex, list: List, postgres: boolean): [string, unknown[]] =>
  typeof list.value === 'string'
    ? [postgres ? '??::text' : '??', [list.value]]
    : [list.value(knex, postgres).toQuery(), []];

/** True when the export holds every customer: no filter narrows it and no selection is given. */
export const isWholeTable = (scope: ExportScope) =>
  hasNoFilters(scope.filters) && scope.documentIds === undefined;

/** The time zone node-postgres reads `timestamp without time zone` values in: this process's. */
export const processTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Zones that are UTC: there the stored value is already the UTC time (no conversion). */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

/**
 * The column of a scalar field. On PostgreSQL a datetime (read by node-postgres in the process's
 * time zone, which the caller sets as the session's) is turned to UTC in SQL and made ISO 8601
 * by the writer (`timestamp`): to_char cost the server a fifth of the export. A date's text is
 * already yyyy-mm-dd (DateStyle ISO, which the caller sets).
 */
const scalarColumn = (knex: Knex, field: ExportField, column: string, postgres: boolean) => {
  if (postgres && isDatetimeField(field) && !UTC_NAMES.has(processTimeZone())) {
    return knex.raw(`(??::timestamptz AT TIME ZONE 'UTC')`, [`c.${column}`]);
  }
  return knex.raw('??', [`c.${column}`]);
};

/** True for the fields stored as a datetime. */
const isDatetimeField = (field: ExportField) =>
  field !== 'segments' && CUSTOMER_FIELDS[field].kind === 'datetime';

/** One customer's values of a list joined in a correlated subquery (index probe). */
const listSubquery = (knex: Knex, list: List, separator: string, postgres: boolean) => {
  const [value, bindings] = valueSql(knex, list, postgres);
  const agg = postgres ? 'string_agg' : 'group_concat';
  const aggregate = list.order
    ? knex.raw(`${agg}(${value}, ? ORDER BY ??)`, [...bindings, separator, list.order])
    : knex.raw(`${agg}(${value}, ?)`, [...bindings, separator]);
  return knex.from(list.from).select(aggregate).where(list.customer, knex.ref('c.id'));
};

/**
 * Every customer's values of a list joined with ", ", one row per customer in customer order:
 * PostgreSQL merge-joins it with the customers' primary key scan. The values come from a sorted
 * subquery rather than an ordered aggregate, which PostgreSQL 15 sorts group by group (about
 * twice the time); the aggregate takes its input in that order.
 */
const listGroups = (knex: Knex, list: List, separator: string, range?: IdRange) => {
  const [value, bindings] = valueSql(knex, list, true);
  const sorted = knex
    .from(list.from)
    .select({ customer_id: list.customer }, knex.raw(`${value} as v`, bindings))
    .orderBy(list.order ? [list.customer, list.order] : [list.customer]);
  // PostgreSQL does not carry the customers' range into the grouped subquery by itself.
  if (range) sorted.where(list.customer, '>=', range.from).andWhere(list.customer, '<', range.to);
  return knex
    .from(sorted.as('sorted'))
    .select('customer_id', knex.raw(`string_agg(v::text, ?) as v`, [separator]))
    .groupBy('customer_id');
};

/** The segments as segmentNamer takes them, ordered by segment_id in the database. */
export const segmentOrderQuery = (knex: Knex) =>
  knex(TABLE.segments).select('id', 'segment_id').orderBy('segment_id').orderBy('id');

/** Customer ids from `from` up to, not including, `to`. */
export interface IdRange {
  from: number;
  to: number;
}

/**
 * The export's query: one row per customer in id order, one column per field (lists joined with
 * ", " in the database), with the list's filters or the selection applied, in the SQL of the
 * engine whose pipeline runs it (csv/export/format.ts#cellKinds says how each column becomes a
 * cell). A `range` (whole table) keeps the customers with ids in it.
 */
export const exportQuery = (
  knex: Knex,
  fields: ExportField[],
  scope: ExportScope,
  engine: 'sqlite' | 'postgres',
  range?: IdRange
) => {
  const postgres = engine === 'postgres';
  const grouped = postgres && isWholeTable(scope);
  if (range && !isWholeTable(scope)) throw new Error('An id range is for a whole-table export');
  const query = knex(`${TABLE.customers} as c`);
  fields.forEach((field, i) => {
    const column = columnOf(field);
    const list = LISTS[field];
    if (column) {
      query.select(scalarColumn(knex, field, column, postgres));
    } else if (list) {
      const separator = field === 'segments' ? SEGMENT_ID_SEPARATOR : LIST_SEPARATOR;
      const alias = `l${i}`;
      if (grouped) {
        query.leftJoin(
          listGroups(knex, list, separator, range).as(alias),
          `${alias}.customer_id`,
          'c.id'
        );
        query.select(`${alias}.v`);
      } else {
        query.select(listSubquery(knex, list, separator, postgres).as(alias));
      }
    } else {
      throw new Error(`No column for the export field ${field}`);
    }
  });
  if (range) query.where('c.id', '>=', range.from).andWhere('c.id', '<', range.to);
  applyCustomerFilters(knex, query, scope.filters);
  if (scope.documentIds) query.whereIn('c.document_id', scope.documentIds);
  query.orderBy('c.id');
  return query;
};
