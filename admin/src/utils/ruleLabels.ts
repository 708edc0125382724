import { CUSTOMER_SOURCES, GENDERS } from '../../../contracts/constants';
import {
  FIELDS,
  type FieldName,
  type Operator,
  type Scalar,
} from '../../../contracts/segment-rules';
import type { Translate } from '../hooks/useT';

/** What the builder and the sentences call fields, operators and values. */

const DATE_OPERATORS = ['lt', 'lte', 'gt', 'gte', 'between', 'isEmpty', 'isNotEmpty'] as const;
const SET_OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
] as const;
type DateOperator = (typeof DATE_OPERATORS)[number];
type SetOperator = (typeof SET_OPERATORS)[number];

const isDateOperator = (op: Operator): op is DateOperator =>
  (DATE_OPERATORS as readonly string[]).includes(op);
const isSetOperator = (op: Operator): op is SetOperator =>
  (SET_OPERATORS as readonly string[]).includes(op);

/** "Age", "Email domain" … */
export const fieldLabel = (field: FieldName, t: Translate) => t(`rule.field.${field}`);

/** The operator as it reads after the field: "is before" for dates, "include" for tags. */
export const operatorLabel = (field: FieldName | null, operator: Operator, t: Translate) => {
  const kind = field ? FIELDS[field] : null;
  if (kind === 'date' && isDateOperator(operator)) return t(`rule.opDate.${operator}`);
  if (kind === 'set' && isSetOperator(operator)) return t(`rule.opSet.${operator}`);
  return t(`rule.op.${operator}`);
};

const isGender = (v: string): v is (typeof GENDERS)[number] =>
  (GENDERS as readonly string[]).includes(v);
const isSource = (v: string): v is (typeof CUSTOMER_SOURCES)[number] =>
  (CUSTOMER_SOURCES as readonly string[]).includes(v);

/** One value as people read it: "Female", "CSV import", "yes". */
export const valueLabel = (field: FieldName | null, value: Scalar, t: Translate): string => {
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  const text = String(value);
  if (field === 'gender' && isGender(text)) return t(`gender.${text}`);
  if (field === 'source' && isSource(text)) return t(`source.${text}`);
  return text;
};
