import { normalizeCountry } from '../../../../contracts/countries';
import {
  isReferenceId,
  normalizeEmail,
  normalizePhone,
  parseDateOfBirth,
  parseGender,
  parseTerm,
  splitList,
  type TermConsent,
} from '../../../../contracts/customer-fields';
import type { Gender } from '../../../../contracts/constants';
import {
  CUSTOMER_FIELDS,
  maxLengthOf,
  PROFILE_FIELDS,
  type ColumnField,
} from '../../../../contracts/customer-schema';
import type { ImportColumn } from '../../../../contracts/imports';
import type { ProfileField } from '../../database/customer-columns';

/** A validated import row, in stored form. */
export interface ImportRecord {
  /** The documentId of the customer the row is (an export's customer_id), or null. */
  customerId: string | null;
  email: string | null;
  phone: string | null;
  scalars: Partial<Record<ScalarField, string>>;
  tags: string[];
  terms: TermConsent[];
}

export type ScalarField = ProfileField;

export interface RowProblem {
  column: string;
  reason: string;
}

/** The free-text profile fields the template has: their column, field and longest value. */
const TEXT = PROFILE_FIELDS.flatMap((field) => {
  const spec: ColumnField = CUSTOMER_FIELDS[field];
  return spec.kind === 'text' && spec.importTitle
    ? [[spec.importTitle as ImportColumn, field, maxLengthOf(field)] as const]
    : [];
});

const TAG_MAX = maxLengthOf('tags');

/** A documentId as Strapi and the plugin make them (24 characters; some room to spare). */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/i;

/**
 * Validates one CSV record (keys are template columns) and maps it to stored values, or lists
 * every problem of the row: a row is imported whole or not at all.
 */
export const rowToCustomer = (
  record: Partial<Record<ImportColumn, string>>,
  today = new Date()
): { record: ImportRecord } | { problems: RowProblem[] } => {
  const problems: RowProblem[] = [];
  const out: ImportRecord = {
    customerId: null,
    email: null,
    phone: null,
    scalars: {},
    tags: [],
    terms: [],
  };
  const value = (column: ImportColumn) => (record[column] ?? '').trim();

  const customerId = value('customer_id');
  if (DOCUMENT_ID.test(customerId)) out.customerId = customerId;
  else if (customerId)
    problems.push({
      column: 'customer_id',
      reason: `"${customerId.slice(0, 30)}" is not a customer id (letters and digits, as an export writes it)`,
    });

  for (const [column, field, max] of TEXT) {
    const text = value(column);
    if (!text) continue;
    if (text.length > max) problems.push({ column, reason: `longer than ${max} characters` });
    else out.scalars[field] = text;
  }
  const parsed = <T>(
    column: ImportColumn,
    parse: (v: string) => T | null,
    reason: string,
    set: (v: T) => void
  ) => {
    const text = value(column);
    if (!text) return;
    const result = parse(text);
    if (result === null) problems.push({ column, reason: `"${text}" ${reason}` });
    else set(result);
  };
  parsed('email', normalizeEmail, 'is not a valid email address', (v) => (out.email = v));
  parsed(
    'phone_number',
    normalizePhone,
    'is not a phone number with country code (e.g. 310302271710)',
    (v) => (out.phone = v)
  );
  parsed(
    'gender',
    parseGender,
    'is not F, Female, M, Male, O or Other',
    (v: Gender) => (out.scalars.gender = v)
  );
  parsed(
    'date_of_birth',
    (v) => parseDateOfBirth(v, today),
    'is not a past date as yyyy-mm-dd or dd-mm-yyyy',
    (v) => (out.scalars.dateOfBirth = v)
  );
  parsed(
    'country',
    normalizeCountry,
    'is not a country name in English',
    (v) => (out.scalars.country = v)
  );
  parsed(
    'reference_id',
    (v) => (isReferenceId(v) ? v : null),
    'may only hold letters and digits',
    (v) => (out.scalars.referenceId = v)
  );

  const tags = splitList(value('tags'));
  const longTag = tags.find((t) => t.length > TAG_MAX);
  if (longTag)
    problems.push({
      column: 'tags',
      reason: `tag "${longTag.slice(0, 20)}..." is longer than ${TAG_MAX} characters`,
    });
  else out.tags = tags;

  for (const item of splitList(value('terms'))) {
    const term = parseTerm(item);
    if (term) out.terms.push(term);
    else
      problems.push({
        column: 'terms',
        reason: `"${item}" is not yyyy-mm-dd:TermID or dd-mm-yyyy:TermID`,
      });
  }
  return problems.length > 0 ? { problems } : { record: out };
};
