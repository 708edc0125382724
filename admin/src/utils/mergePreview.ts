import type { Customer } from '../../../contracts/customers';
import {
  fieldsWhere,
  isListField,
  PROFILE_FIELDS,
  type ListFieldName,
} from '../../../contracts/customer-schema';

/** Fields of which a customer has one: the main profile's value stays unless it is empty. */
export const SINGLE_FIELDS = PROFILE_FIELDS;
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** Fields of which a customer may have many: the merge keeps both sides, without duplicates. */
export type MultiField = Extract<
  ListFieldName,
  'emails' | 'phones' | 'tags' | 'subscriptions' | 'terms'
>;
export const MULTI_FIELDS = fieldsWhere<MultiField>((f) => isListField(f) && f.editable);

/** One field as a list of display values (subscriptions and terms by name). */
export const multiValues = (customer: Customer, field: MultiField): string[] => {
  if (field === 'subscriptions') return customer.subscriptions.map((s) => s.subscription);
  if (field === 'terms') return customer.terms.map((term) => term.termId);
  return customer[field];
};

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** What a merge of `other` into `main` gives, per field, as the server computes it. */
export const mergePreview = (main: Customer, other: Customer) => {
  const single = Object.fromEntries(
    SINGLE_FIELDS.map((field) => {
      const keep = !isEmpty(main[field]);
      return [
        field,
        { value: keep ? main[field] : other[field], filled: !keep && !isEmpty(other[field]) },
      ];
    })
  ) as Record<SingleField, { value: string | null; filled: boolean }>;
  const multi = Object.fromEntries(
    MULTI_FIELDS.map((field) => {
      const mine = multiValues(main, field);
      const added = multiValues(other, field).filter((value) => !mine.includes(value));
      return [field, { value: [...mine, ...added], added }];
    })
  ) as Record<MultiField, { value: string[]; added: string[] }>;
  return { single, multi };
};

export type MergePreview = ReturnType<typeof mergePreview>;
