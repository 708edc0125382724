import { TABLE } from './constants';

/**
 * The customer's fields, each described once: where it is stored, its name in the API, its
 * column in the import template and in an export, its limits, whether it is personal data and
 * how a merge treats it. The column maps, the import's and the form's limits, the export's
 * columns, the merge (server and admin preview), the segment engine's field list, search,
 * anonymize and delete are derived from this list. To add a field: add its entry here and its
 * migration (see CONTRIBUTING.md).
 */

/** What a field holds, which decides how it is parsed, compared and formatted. */
export type FieldKind =
  | 'id'
  | 'text'
  | 'email'
  | 'phone'
  | 'gender'
  | 'date'
  | 'datetime'
  | 'country'
  | 'referenceId'
  | 'source'
  | 'tag'
  | 'subscription'
  | 'term'
  | 'visitorId'
  | 'token';

/**
 * How a merge of a customer into another treats the field: `fillEmpty` takes the merged-away
 * value where the kept profile has none; `union` adds the values it lacks; `move` moves every
 * value over; `keep` keeps the kept profile's value; `latest` keeps the later of the two;
 * `derived` is recomputed from other fields.
 */
export type MergeRule = 'fillEmpty' | 'union' | 'move' | 'keep' | 'latest' | 'derived';

/** A child table holding one row per value of a multi-valued field. */
export interface ChildTable {
  table: string;
  /** The column holding the value (a search, rule or merge compares this one). */
  value: string;
  /** What the values are listed by. */
  order: string;
  /** The column of the date a value was given, for "since" rules. */
  since?: string;
}

interface FieldBase {
  kind: FieldKind;
  /** True when the field can identify a person: anonymize and delete remove it. */
  personal: boolean;
  merge: MergeRule;
  /** Written by the customer form and the API (`CustomerInput`). */
  editable: boolean;
  /** Its column in the CSV import template, when the import reads it. */
  importTitle?: string;
  /**
   * Its column title in an export. Template fields use the template's title (an export imports
   * back); fields the import does not read start with EXTRA_PREFIX.
   */
  exportTitle?: string;
  /** Longest value, in characters. */
  maxLength?: number;
  /** Most values (multi-valued fields). */
  maxItems?: number;
}

/** A field stored in a column of the customers table. */
export interface ColumnField extends FieldBase {
  column: string;
}

/** A field stored in a child table, one row per value. */
export interface ListField extends FieldBase {
  child: ChildTable;
}

export type CustomerField = ColumnField | ListField;

/** Export columns that the import does not read start with this (the import ignores them). */
export const EXTRA_PREFIX = 'extra_';

const extra = <T extends string>(title: T) => `${EXTRA_PREFIX}${title}` as const;

/** Profile fields an editor, the API or an import writes, one value each. */
const profile = <C extends string, K extends FieldKind>(column: C, kind: K, maxLength: number) =>
  ({
    column,
    kind,
    maxLength,
    personal: true,
    merge: 'fillEmpty',
    editable: true,
    importTitle: column,
    exportTitle: column,
  }) as const;

/** Columns the plugin keeps about a profile (not personal, not written by an editor). */
const system = <C extends string, K extends FieldKind, M extends MergeRule>(
  column: C,
  kind: K,
  merge: M
) =>
  ({
    column,
    kind,
    personal: false,
    merge,
    editable: false,
    exportTitle: extra(column),
  }) as const;

/** Every field of a customer, by its API name. */
export const CUSTOMER_FIELDS = {
  // In an export's customer_id column, which the import reads as the row's identity.
  documentId: {
    ...system('document_id', 'id', 'keep'),
    importTitle: 'customer_id',
    exportTitle: 'customer_id',
  },
  firstName: profile('first_name', 'text', 255),
  lastName: profile('last_name', 'text', 255),
  emails: {
    child: { table: TABLE.emails, value: 'email', order: 'position' },
    kind: 'email',
    maxLength: 254,
    maxItems: 20,
    personal: true,
    merge: 'move',
    editable: true,
    importTitle: 'email',
    // The first email; the others in EXPORT_OTHERS (the import reads one email a row).
    exportTitle: 'email',
  },
  phones: {
    child: { table: TABLE.phones, value: 'phone', order: 'position' },
    kind: 'phone',
    maxItems: 20,
    personal: true,
    merge: 'union',
    editable: true,
    importTitle: 'phone_number',
    exportTitle: 'phone_number',
  },
  gender: profile('gender', 'gender', 10),
  dateOfBirth: profile('date_of_birth', 'date', 10),
  street: profile('street', 'text', 255),
  houseNumber: profile('house_number', 'text', 20),
  zipCode: profile('zip_code', 'text', 20),
  city: profile('city', 'text', 255),
  country: profile('country', 'country', 255),
  jobTitle: profile('job_title', 'text', 255),
  referenceId: profile('reference_id', 'referenceId', 64),
  tags: {
    child: { table: TABLE.tags, value: 'tag', order: 'tag' },
    kind: 'tag',
    maxLength: 100,
    maxItems: 200,
    personal: true,
    merge: 'union',
    editable: true,
    importTitle: 'tags',
    exportTitle: 'tags',
  },
  subscriptions: {
    child: {
      table: TABLE.subscriptions,
      value: 'subscription',
      order: 'subscription',
      since: 'subscribed_at',
    },
    kind: 'subscription',
    maxLength: 100,
    maxItems: 100,
    personal: true,
    merge: 'union',
    editable: true,
    exportTitle: extra('subscriptions'),
  },
  terms: {
    child: { table: TABLE.terms, value: 'term_id', order: 'term_id', since: 'given_at' },
    kind: 'term',
    maxLength: 100,
    maxItems: 100,
    personal: true,
    merge: 'union',
    editable: true,
    importTitle: 'terms',
    exportTitle: 'terms',
  },
  visitorIds: {
    child: { table: TABLE.visitorIds, value: 'visitor_id', order: 'id' },
    kind: 'visitorId',
    personal: true,
    merge: 'move',
    editable: false,
  },
  /** The words of the name, for search: derived from firstName and lastName. */
  nameTokens: {
    child: { table: TABLE.nameTokens, value: 'token', order: 'token' },
    kind: 'token',
    maxLength: 100,
    personal: true,
    merge: 'derived',
    editable: false,
  },
  source: { ...system('source', 'source', 'keep'), editable: true },
  lastActivityAt: system('last_activity_at', 'datetime', 'latest'),
  anonymizedAt: system('anonymized_at', 'datetime', 'keep'),
  createdAt: system('created_at', 'datetime', 'keep'),
  updatedAt: system('updated_at', 'datetime', 'keep'),
} as const satisfies Record<string, CustomerField>;

export type CustomerFieldName = keyof typeof CUSTOMER_FIELDS;
type Fields = typeof CUSTOMER_FIELDS;

/** Fields stored in a column of the customers table. */
export type ColumnFieldName = {
  [K in CustomerFieldName]: Fields[K] extends { column: string } ? K : never;
}[CustomerFieldName];

/** Fields stored in child tables. */
export type ListFieldName = Exclude<CustomerFieldName, ColumnFieldName>;

/** The single-valued profile fields (merged by filling what is empty). */
export type ProfileFieldName = {
  [K in ColumnFieldName]: Fields[K] extends { merge: 'fillEmpty' } ? K : never;
}[ColumnFieldName];

const entries = Object.entries(CUSTOMER_FIELDS) as [CustomerFieldName, CustomerField][];

export const isListField = (field: CustomerField): field is ListField => 'child' in field;

/** The names of the fields that pass `test`, in the schema's order. */
export const fieldsWhere = <N extends CustomerFieldName = CustomerFieldName>(
  test: (field: CustomerField, name: CustomerFieldName) => boolean
) => entries.filter(([name, field]) => test(field, name)).map(([name]) => name as N);

/** Column of each column field. */
export const COLUMN_OF = Object.fromEntries(
  entries.flatMap(([name, field]) => (isListField(field) ? [] : [[name, field.column]]))
) as { [K in ColumnFieldName]: Fields[K]['column'] };

/** Child table of each multi-valued field. */
export const CHILD_OF = Object.fromEntries(
  entries.flatMap(([name, field]) => (isListField(field) ? [[name, field.child]] : []))
) as { [K in ListFieldName]: ChildTable };

/** The single-valued profile fields, in form order. */
export const PROFILE_FIELDS = fieldsWhere<ProfileFieldName>(
  (f) => !isListField(f) && f.merge === 'fillEmpty'
);

/** The longest value of a field (the form, the API and the import check the same). */
export const maxLengthOf = (name: CustomerFieldName): number =>
  (CUSTOMER_FIELDS[name] as CustomerField).maxLength ?? 255;

/** The most values of a multi-valued field. */
export const maxItemsOf = (name: ListFieldName): number =>
  (CUSTOMER_FIELDS[name] as CustomerField).maxItems ?? 100;

/** Columns and child tables that anonymize empties and delete removes: the personal ones. */
export const PERSONAL_COLUMNS = entries.flatMap(([, f]) =>
  !isListField(f) && f.personal ? [f.column] : []
);
export const PERSONAL_CHILD_TABLES = entries.flatMap(([, f]) =>
  isListField(f) && f.personal ? [f.child.table] : []
);

/** Every child table of a customer. */
export const CHILD_TABLES = entries.flatMap(([, f]) => (isListField(f) ? [f.child.table] : []));

/**
 * Extra export columns written beside a multi-valued template field: the import reads one
 * email and one phone number a row, so the first goes in the template's column and the rest
 * here.
 */
export const EXPORT_OTHERS: Partial<Record<CustomerFieldName, string>> = {
  emails: extra('other_emails'),
  phones: extra('other_phone_numbers'),
};
