import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { CHILD_OF, type ListFieldName } from '../../../contracts/customer-schema';

/** One value of each multi-valued field, normalised, as its child table holds it. */
export interface ChildValue {
  emails: string;
  phones: string;
  tags: string;
  subscriptions: { subscription: string; subscribedAt?: string | null };
  terms: { termId: string; givenAt: string };
  visitorIds: string;
  /** Words of the name, for search (see nameTokens). */
  nameTokens: string;
}

/** The multi-valued fields of a customer, normalised, as the child tables hold them. */
export type CustomerChildren = { [K in ListFieldName]?: ChildValue[K][] };

/** Rows as arrays of values, in the order of their table's columns. */
export type ChildRows = unknown[][];

interface ChildRowSpec<K extends ListFieldName> {
  /** The columns a row is written with: `customer_id` first, then the schema's value column. */
  columns: readonly string[];
  /** The row of one value; `index` is its position in the customer's list. */
  row(customerId: number, value: ChildValue[K], index: number, now: Date): unknown[];
}

/**
 * How each child table's rows are made: the one place that knows their columns. A new
 * multi-valued field in contracts/customer-schema.ts must be added here (the type demands it).
 */
export const CHILD_ROWS: { [K in ListFieldName]: ChildRowSpec<K> } = {
  emails: {
    columns: ['customer_id', 'email', 'normalized', 'position'],
    row: (id, email, index) => [id, email, email.toLowerCase(), index],
  },
  phones: {
    columns: ['customer_id', 'phone', 'position'],
    row: (id, phone, index) => [id, phone, index],
  },
  tags: { columns: ['customer_id', 'tag'], row: (id, tag) => [id, tag] },
  subscriptions: {
    columns: ['customer_id', 'subscription', 'subscribed_at'],
    row: (id, s, _index, now) => [
      id,
      s.subscription,
      s.subscribedAt ? new Date(s.subscribedAt) : now,
    ],
  },
  terms: {
    columns: ['customer_id', 'term_id', 'given_at'],
    row: (id, t) => [id, t.termId, t.givenAt],
  },
  visitorIds: {
    columns: ['customer_id', 'visitor_id', 'created_at'],
    row: (id, visitorId, _index, now) => [id, visitorId, now],
  },
  nameTokens: { columns: ['customer_id', 'token'], row: (id, token) => [id, token] },
};

const FIELDS = Object.keys(CHILD_ROWS) as ListFieldName[];

/** Where child rows go: a bulk sink (prepared statements, UNNEST), an import writer, or knex. */
export interface ChildRowSink {
  insert(table: string, columns: readonly string[], rows: ChildRows): Promise<void>;
}

/**
 * Collects the child rows of many customers, table by table, and writes them with one insert
 * per table: the writer of every child row (form, API, import, merge, bulk load).
 */
export const childRowBatch = (now = new Date()) => {
  const rows = Object.fromEntries(FIELDS.map((f) => [f, []])) as unknown as Record<
    ListFieldName,
    ChildRows
  >;
  return {
    /** Adds a customer's values of a field; positions count from `from`. */
    add<K extends ListFieldName>(
      field: K,
      customerId: number,
      values: readonly ChildValue[K][],
      from = 0
    ) {
      const spec = CHILD_ROWS[field] as ChildRowSpec<K>;
      const into = rows[field];
      for (let i = 0; i < values.length; i++)
        into.push(spec.row(customerId, values[i], from + i, now));
    },
    /** Writes what was added (one insert per table with rows) and starts empty again. */
    async write(sink: ChildRowSink) {
      for (const field of FIELDS) {
        if (rows[field].length === 0) continue;
        await sink.insert(CHILD_OF[field].table, CHILD_ROWS[field].columns, rows[field]);
        rows[field] = [];
      }
    },
  };
};

/** Knex multi-row inserts of 200 rows (SQLite's compound-select limit is 500) in a transaction. */
export const knexChildSink = (trx: Knex | Knex.Transaction): ChildRowSink => ({
  async insert(table, columns, rows) {
    for (let i = 0; i < rows.length; i += 200) {
      await trx(table).insert(
        rows.slice(i, i + 200).map((row) => Object.fromEntries(columns.map((c, k) => [c, row[k]])))
      );
    }
  },
});

/**
 * Replaces the given multi-valued fields of one customer (fields left undefined are kept).
 * Runs inside the caller's transaction.
 */
export const replaceChildren = async (
  trx: Knex.Transaction,
  customerId: number,
  children: CustomerChildren
) => {
  const batch = childRowBatch();
  for (const field of FIELDS) {
    const values = children[field];
    if (values === undefined) continue;
    await trx(CHILD_OF[field].table).where({ customer_id: customerId }).delete();
    batch.add(field, customerId, values as ChildValue[typeof field][]);
  }
  await batch.write(knexChildSink(trx));
};

/** Customer ids (other than `exceptId`) that already hold one of these emails. */
export const emailOwners = async (
  knex: Knex | Knex.Transaction,
  emails: string[],
  exceptId?: number
): Promise<{ email: string; customerId: number }[]> => {
  if (emails.length === 0) return [];
  const query = knex(TABLE.emails)
    .select('normalized as email', 'customer_id as customerId')
    .whereIn(
      'normalized',
      emails.map((e) => e.toLowerCase())
    );
  if (exceptId !== undefined) query.whereNot('customer_id', exceptId);
  return query;
};
