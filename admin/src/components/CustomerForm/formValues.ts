import { ValidationError } from 'yup';
import type { Gender } from '../../../../contracts/constants';
import {
  customerInputSchema,
  type Customer,
  type CustomerInput,
} from '../../../../contracts/customers';
import { fieldErrorsFromYup, type FieldErrors } from '../../utils/apiErrors';

/**
 * The customer form's state and its translation to and from the API's `CustomerInput`. Pure
 * functions, so the rules are unit-tested without a browser.
 */

type ListKey = 'emails' | 'phones' | 'tags' | 'subscriptions' | 'terms';

/** The single-valued text fields of the form, straight from `CustomerInput`. */
export type TextKey = Exclude<keyof CustomerInput, ListKey | 'gender' | 'source'>;

// A record, so the compiler insists on exactly the text fields CustomerInput has.
const TEXT_FIELDS: Record<TextKey, true> = {
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  street: true,
  houseNumber: true,
  zipCode: true,
  city: true,
  country: true,
  jobTitle: true,
  referenceId: true,
};

export const TEXT_KEYS = Object.keys(TEXT_FIELDS) as TextKey[];

export interface SubscriptionRow {
  subscription: string;
  /** yyyy-mm-dd or empty */
  subscribedAt: string;
}

export interface TermRow {
  termId: string;
  /** yyyy-mm-dd or empty */
  givenAt: string;
}

/** What the inputs hold: text everywhere (empty for "not set"), one row per list item. */
export type CustomerFormValues = Record<TextKey, string> & {
  gender: Gender | '';
  emails: string[];
  phones: string[];
  tags: string[];
  subscriptions: SubscriptionRow[];
  terms: TermRow[];
};

/** The list, or one empty row to type in when there is nothing yet. */
const atLeastOneRow = (values: string[] | undefined) => (values?.length ? [...values] : ['']);

/** The form for a profile, or an empty one; emails and phones always show a row to type in. */
export const toFormValues = (customer?: Customer): CustomerFormValues => {
  const text = Object.fromEntries(TEXT_KEYS.map((key) => [key, customer?.[key] ?? ''])) as Record<
    TextKey,
    string
  >;
  return {
    ...text,
    gender: customer?.gender ?? '',
    emails: atLeastOneRow(customer?.emails),
    phones: atLeastOneRow(customer?.phones),
    tags: customer ? [...customer.tags] : [],
    subscriptions: (customer?.subscriptions ?? []).map((s) => ({
      subscription: s.subscription,
      subscribedAt: s.subscribedAt ? s.subscribedAt.slice(0, 10) : '',
    })),
    terms: (customer?.terms ?? []).map((t) => ({ termId: t.termId, givenAt: t.givenAt })),
  };
};

/** For each list sent, the form row each sent item came from (blank rows are not sent). */
export type RowMaps = Record<'emails' | 'phones' | 'subscriptions' | 'terms', number[]>;

const kept = <T>(rows: T[], isBlank: (row: T) => boolean) => {
  const indexes: number[] = [];
  rows.forEach((row, i) => {
    if (!isBlank(row)) indexes.push(i);
  });
  return indexes;
};

/**
 * The `CustomerInput` for the form: text trimmed, empty text as null (clears the field on
 * update), blank rows left out. Every field is sent, so a PUT replaces the whole profile.
 */
export const toCustomerInput = (
  values: CustomerFormValues
): { input: CustomerInput; rows: RowMaps } => {
  const rows: RowMaps = {
    emails: kept(values.emails, (v) => !v.trim()),
    phones: kept(values.phones, (v) => !v.trim()),
    subscriptions: kept(values.subscriptions, (s) => !s.subscription.trim() && !s.subscribedAt),
    terms: kept(values.terms, (t) => !t.termId.trim() && !t.givenAt),
  };
  const input: CustomerInput = {
    emails: rows.emails.map((i) => values.emails[i].trim()),
    phones: rows.phones.map((i) => values.phones[i].trim()),
    gender: values.gender || null,
    tags: values.tags,
    subscriptions: rows.subscriptions.map((i) => ({
      subscription: values.subscriptions[i].subscription.trim(),
      subscribedAt: values.subscriptions[i].subscribedAt || null,
    })),
    terms: rows.terms.map((i) => ({
      termId: values.terms[i].termId.trim(),
      givenAt: values.terms[i].givenAt,
    })),
  };
  for (const key of TEXT_KEYS) input[key] = values[key].trim() || null;
  return { input, rows };
};

/**
 * Error keys of the sent input (`emails.0`) moved onto the form rows they came from
 * (`emails.2` when rows 0 and 1 were blank). Keys of other fields pass unchanged.
 */
export const toFormErrors = (errors: FieldErrors, rows: RowMaps): FieldErrors => {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [field, index, ...rest] = key.split('.');
    const map = rows[field as keyof RowMaps];
    const row = map && index !== undefined && /^\d+$/.test(index) ? map[Number(index)] : undefined;
    out[row === undefined ? key : [field, row, ...rest].join('.')] = message;
  }
  return out;
};

/** The first message for a field or anything inside it (`emails` covers `emails.1`). */
export const errorFor = (errors: FieldErrors, key: string): string | undefined =>
  errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

/**
 * Checks the form with the schema the server validates with, so the messages are the same;
 * the messages land on the rows they are about.
 */
export const validateCustomerForm = (values: CustomerFormValues) => {
  const { input, rows } = toCustomerInput(values);
  try {
    customerInputSchema.validateSync(input, { abortEarly: false });
    return { input, rows, errors: {} as FieldErrors };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { input, rows, errors: toFormErrors(fieldErrorsFromYup(error), rows) };
  }
};
