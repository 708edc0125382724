import { CUSTOMER_SOURCES, GENDERS } from './constants';

/**
 * The filter tree of a rule segment, shared by the admin builder and the server's compiler:
 * groups (AND / OR, optionally negated) of conditions on customer characteristics, on events,
 * on UTM parameters and on membership of other segments.
 */

export const OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'endsWith',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'isEmpty',
  'isNotEmpty',
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Strapi attribute types an event condition may filter content items on ("Articles whose
 * category is EV"): plain values, no relations or media. The admin offers these, the compiler
 * allows these.
 */
export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'string',
  'text',
  'email',
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
]);

/** Value kinds of the characteristic fields, which decide the operators they accept. */
export const FIELDS = {
  age: 'number',
  gender: 'enum',
  country: 'text',
  city: 'text',
  jobTitle: 'text',
  source: 'enum',
  emailDomain: 'text',
  tags: 'set',
  subscriptions: 'set',
  terms: 'set',
  createdAt: 'date',
  lastActivityAt: 'date',
  anonymized: 'boolean',
} as const;
export type FieldName = keyof typeof FIELDS;

const TEXT_OPS: Operator[] = [...OPERATORS].filter(
  (o) => !['lt', 'lte', 'gt', 'gte', 'between'].includes(o)
);
export const OPERATORS_BY_KIND: Record<(typeof FIELDS)[FieldName], Operator[]> = {
  number: [
    'equals',
    'notEquals',
    'in',
    'notIn',
    'lt',
    'lte',
    'gt',
    'gte',
    'between',
    'isEmpty',
    'isNotEmpty',
  ],
  enum: ['equals', 'notEquals', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  text: TEXT_OPS,
  set: ['equals', 'notEquals', 'in', 'notIn', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'],
  date: ['lt', 'lte', 'gt', 'gte', 'between', 'isEmpty', 'isNotEmpty'],
  boolean: ['equals'],
};

export const ENUM_VALUES: Partial<Record<FieldName, readonly string[]>> = {
  gender: GENDERS,
  source: CUSTOMER_SOURCES,
};

export type Scalar = string | number | boolean;

export interface FieldCondition {
  kind: 'field';
  field: FieldName;
  operator: Operator;
  value?: Scalar | Scalar[] | null;
  /** For terms and subscriptions: only those given on or after this date (yyyy-mm-dd). */
  since?: string;
}

/** Which content an event condition looks at. */
export type EventTarget =
  | { type: 'any' }
  | { type: 'item'; uid: string; documentId: string; locale?: string | null }
  | { type: 'contentType'; uid: string; field?: string; value?: Scalar }
  | { type: 'url'; pattern: string };

/** When the events must have happened. */
export type EventWindow =
  | { type: 'ever' }
  | { type: 'lastDays'; days: number }
  | { type: 'between'; from: string; to: string };

export interface EventCondition {
  kind: 'event';
  /** false: "did not do" (the count is ignored). */
  did: boolean;
  eventType: string;
  target: EventTarget;
  count: { operator: 'atLeast' | 'atMost' | 'exactly'; value: number };
  window: EventWindow;
}

export interface FirstEventCondition {
  kind: 'firstEvent';
  eventType: string;
  days: number;
}

export interface UtmCondition {
  kind: 'utm';
  param: 'source' | 'medium' | 'campaign';
  operator: 'equals' | 'notEquals' | 'in' | 'contains' | 'startsWith';
  value: string | string[];
}

export interface SegmentCondition {
  kind: 'segment';
  operator: 'in' | 'notIn';
  segmentId: string;
}

export type Condition =
  FieldCondition | EventCondition | FirstEventCondition | UtmCondition | SegmentCondition;

export interface GroupNode {
  kind: 'group';
  op: 'and' | 'or';
  not?: boolean;
  children: RuleNode[];
}

export type RuleNode = GroupNode | Condition;

/** How deep groups may nest: deep enough for any real segment, shallow enough for any engine. */
export const MAX_DEPTH = 8;
export const MAX_CONDITIONS = 100;
