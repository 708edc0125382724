import { CUSTOMER_SOURCES, GENDERS } from '../constants';
import type { BulkDeleteInput, BulkDeleteCustomers } from '../customer-bulk';
import type { ListCustomerEvents, TimelineEvent } from '../customer-events';
import type { CustomerListQuery, ListCustomers } from '../customer-list';
import type { ListCustomerValues, ValueField } from '../customer-values';
import type { Customer, CustomerInput, GetCustomer } from '../customers';
import { DUPLICATE_REASONS } from '../merges';
import type { FindDuplicates, MergeCustomers, MergeRecord } from '../merges';
import { json, type RoutesOf } from './response';
import {
  array,
  dateTime,
  day,
  exactly,
  integer,
  nullable,
  object,
  oneOf,
  string,
  unchecked,
  unknown,
  type Infer,
} from './shape';

const text = nullable(string);

/** A customer profile as every customer route returns it. */
export const customerShape = exactly<Customer>()(
  object({
    id: integer,
    documentId: string,
    firstName: text,
    lastName: text,
    fullName: text,
    emails: array(string),
    phones: array(string),
    gender: nullable(oneOf(GENDERS)),
    dateOfBirth: nullable(day),
    street: text,
    houseNumber: text,
    zipCode: text,
    city: text,
    country: text,
    jobTitle: text,
    referenceId: text,
    tags: array(string),
    subscriptions: array(object({ subscription: string, subscribedAt: nullable(dateTime) })),
    terms: array(object({ termId: string, givenAt: day })),
    visitorIds: array(string),
    segments: array(object({ documentId: string, segmentId: string, name: string })),
    source: oneOf(CUSTOMER_SOURCES),
    lastActivityAt: nullable(dateTime),
    anonymizedAt: nullable(dateTime),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
);

/** The `meta` of a paged list. */
export const paginationShape = object({
  pagination: object({ page: integer, pageSize: integer, total: integer, pageCount: integer }),
});

const timelineEventShape = exactly<TimelineEvent>()(
  object({
    documentId: string,
    type: string,
    occurredAt: dateTime,
    itemUid: text,
    itemDocumentId: text,
    itemLocale: text,
    url: text,
    referrer: text,
    utmSource: text,
    utmMedium: text,
    utmCampaign: text,
    utmTerm: text,
    utmContent: text,
    metadata: nullable(unchecked<Record<string, unknown>>()),
  })
);

export const mergeRecordShape = exactly<MergeRecord>()(
  object({
    id: integer,
    mainDocumentId: string,
    sourceDocumentId: string,
    mergedBy: text,
    mergedAt: dateTime,
    fieldsFilled: array(string),
    source: object({ emails: array(string), phones: array(string), fullName: text }),
  })
);

/** Everything the plugin holds about one customer (the GDPR access export, a JSON file). */
const gdprExportShape = object({
  exportedAt: dateTime,
  about: string,
  profile: customerShape,
  segments: array(
    object({ segmentId: string, name: string, kind: string, since: nullable(dateTime) })
  ),
  events: array(
    object({
      documentId: string,
      type: string,
      occurredAt: dateTime,
      item: nullable(object({ uid: string, documentId: text, locale: text })),
      url: text,
      referrer: text,
      utm: object({ source: text, medium: text, campaign: text, term: text, content: text }),
      metadata: unknown,
    })
  ),
  imports: array(
    object({
      importId: integer,
      file: string,
      importedAt: dateTime,
      line: integer,
      action: oneOf(['created', 'updated']),
      fields: unknown,
    })
  ),
  failedImportRows: array(
    object({ importId: integer, line: integer, column: string, reason: string, row: unknown })
  ),
  merges: array(mergeRecordShape),
});
export type GdprExport = Infer<typeof gdprExportShape>;

const deleted = object({ data: object({ documentId: string }) });
const one = object({ data: customerShape });

/** What each customer route answers, by handler. */
export const customerResponses = {
  'customers.find': json(
    200,
    exactly<ListCustomers.Response>()(object({ data: array(customerShape), meta: paginationShape }))
  ),
  'customers.findOne': json(200, exactly<GetCustomer.Response>()(one)),
  'customer-values.find': json(
    200,
    exactly<ListCustomerValues.Response>()(object({ data: array(string) }))
  ),
  'customers.events': json(
    200,
    exactly<ListCustomerEvents.Response>()(
      object({ data: array(timelineEventShape), meta: paginationShape })
    )
  ),
  'customers.create': json(201, one),
  'customers.update': json(200, one),
  'customers.delete': json(200, deleted),
  'customers.merge': json(
    200,
    exactly<MergeCustomers.Response>()(
      object({ data: object({ customer: customerShape, merge: mergeRecordShape }) })
    )
  ),
  'customers.duplicates': json(
    200,
    exactly<FindDuplicates.Response>()(
      object({
        data: array(object({ customer: customerShape, reasons: array(oneOf(DUPLICATE_REASONS)) })),
      })
    )
  ),
  // A download (Content-Disposition: attachment), but JSON all the same.
  'customers.gdprExport': json(200, gdprExportShape),
  'customers.anonymize': json(200, one),
  'customers.bulkDelete': json(
    200,
    exactly<BulkDeleteCustomers.Response>()(object({ data: object({ deleted: integer }) }))
  ),
};

type R = typeof customerResponses;
type Path = { documentId: string };

/** What each customer route takes (path, query, body) and answers. */
export type CustomerRoutes = RoutesOf<
  R,
  {
    'customers.find': { query: Partial<CustomerListQuery> };
    'customers.findOne': { params: Path };
    'customer-values.find': { query: { field: ValueField; q?: string } };
    'customers.events': { params: Path; query: { page?: number; pageSize?: number } };
    'customers.create': { body: CustomerInput };
    'customers.update': { params: Path; body: CustomerInput };
    'customers.delete': { params: Path };
    'customers.merge': { params: Path; body: { sourceDocumentId: string } };
    'customers.duplicates': { params: Path };
    'customers.gdprExport': { params: Path };
    'customers.anonymize': { params: Path };
    'customers.bulkDelete': {
      /** By ids, or all customers matching filters (the inferred type makes both keys required). */
      body: { documentIds: string[] } | { all: true; filters?: BulkDeleteInput['filters'] };
    };
  }
>;
