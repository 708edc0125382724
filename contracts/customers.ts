import * as yup from 'yup';
import { CUSTOMER_SOURCES, type CustomerSource, type Gender } from './constants';
import { normalizeCountry } from './countries';
import {
  maxItemsOf,
  maxLengthOf,
  type CustomerFieldName,
  type ListFieldName,
} from './customer-schema';
import {
  isReferenceId,
  normalizeEmail,
  normalizePhone,
  parseDate,
  parseDateOfBirth,
  parseGender,
} from './customer-fields';

/** A customer profile as the admin API returns it. */
export interface Customer {
  id: number;
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  emails: string[];
  phones: string[];
  gender: Gender | null;
  dateOfBirth: string | null;
  street: string | null;
  houseNumber: string | null;
  zipCode: string | null;
  city: string | null;
  country: string | null;
  jobTitle: string | null;
  referenceId: string | null;
  tags: string[];
  subscriptions: { subscription: string; subscribedAt: string | null }[];
  terms: { termId: string; givenAt: string }[];
  visitorIds: string[];
  /** Segments the customer is a member of. */
  segments: { documentId: string; segmentId: string; name: string }[];
  source: CustomerSource;
  lastActivityAt: string | null;
  anonymizedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Fields an editor or an API client may write. */
export interface CustomerInput {
  firstName?: string | null;
  lastName?: string | null;
  emails?: string[];
  phones?: string[];
  gender?: Gender | null;
  dateOfBirth?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  zipCode?: string | null;
  city?: string | null;
  country?: string | null;
  jobTitle?: string | null;
  referenceId?: string | null;
  tags?: string[];
  subscriptions?: { subscription: string; subscribedAt?: string | null }[];
  terms?: { termId: string; givenAt: string }[];
  source?: CustomerSource;
}

/**
 * A string field whose value is normalised by `parse` (null means "not acceptable"). The value
 * is replaced by its normal form when it parses, so the test sees both cases.
 */
const parsedString = (parse: (value: string) => string | null, message: string) =>
  yup
    .string()
    .nullable()
    .transform((value: unknown) => {
      if (value === '' || value === null || value === undefined) return null;
      return typeof value === 'string' ? (parse(value) ?? value) : value;
    })
    .test('format', message, (value) => value == null || parse(value) === value);

const text = (field: CustomerFieldName) =>
  yup
    .string()
    .nullable()
    .trim()
    .max(maxLengthOf(field), '${path} must be at most ${max} characters')
    .transform((value: unknown) => (value === '' ? null : value));

const list = <T extends yup.Schema>(item: T, field: ListFieldName) =>
  yup.array().of(item).max(maxItemsOf(field), '${path} may hold at most ${max} values');

/** What `POST` and `PUT /segments/customers` accept. Unknown keys are refused. */
export const customerInputSchema = yup
  .object({
    firstName: text('firstName'),
    lastName: text('lastName'),
    emails: list(
      parsedString(normalizeEmail, 'Email "${value}" is not a valid email address').required(),
      'emails'
    ).test('unique', 'The same email is given twice', (v) => !v || new Set(v).size === v.length),
    phones: list(
      parsedString(
        normalizePhone,
        'Phone number "${value}" must be digits with the country code, e.g. 310302271710'
      ).required(),
      'phones'
    ),
    gender: parsedString(
      parseGender,
      'Gender "${value}" must be F, Female, M, Male, O or Other'
    ) as yup.StringSchema<Gender | null | undefined>,
    dateOfBirth: parsedString(
      (v) => parseDateOfBirth(v),
      'Date of birth "${value}" must be a past date as yyyy-mm-dd or dd-mm-yyyy'
    ),
    street: text('street'),
    houseNumber: text('houseNumber'),
    zipCode: text('zipCode'),
    city: text('city'),
    country: parsedString(
      normalizeCountry,
      'Country "${value}" is not an English country name (e.g. Netherlands, Germany)'
    ),
    jobTitle: text('jobTitle'),
    referenceId: parsedString(
      (v) => (isReferenceId(v) ? v.trim() : null),
      'Reference id "${value}" may only hold letters and digits'
    ),
    tags: list(yup.string().trim().min(1).max(maxLengthOf('tags')).required(), 'tags'),
    subscriptions: list(
      yup
        .object({
          subscription: yup.string().trim().min(1).max(maxLengthOf('subscriptions')).required(),
          subscribedAt: parsedString(
            (v) => (Number.isNaN(Date.parse(v)) ? null : new Date(v).toISOString()),
            'subscribedAt "${value}" is not a date'
          ),
        })
        .noUnknown(),
      'subscriptions'
    ),
    terms: list(
      yup
        .object({
          termId: yup
            .string()
            .trim()
            .matches(
              /^[A-Za-z0-9_\- ]{1,100}$/,
              'Term id "${value}" may hold letters, digits, - and _'
            )
            .required(),
          givenAt: parsedString(
            parseDate,
            'Term date "${value}" must be yyyy-mm-dd or dd-mm-yyyy'
          ).required('Each term needs the date it was given'),
        })
        .noUnknown(),
      'terms'
    ),
    source: yup.mixed<CustomerSource>().oneOf([...CUSTOMER_SOURCES]),
  })
  .noUnknown('${unknown} can not be written (latest activity comes from tracked events)')
  .strict(false);

export type ValidCustomerInput = yup.InferType<typeof customerInputSchema>;

/** GET /segments/customers/:documentId */
export namespace GetCustomer {
  export interface Response {
    data: Customer;
  }
}

/** POST /segments/customers */
export namespace CreateCustomer {
  export type Request = { body: CustomerInput };
  export interface Response {
    data: Customer;
  }
}

/** PUT /segments/customers/:documentId */
export namespace UpdateCustomer {
  export type Request = { body: CustomerInput };
  export interface Response {
    data: Customer;
  }
}
