import * as yup from 'yup';
import { EVENT_TYPES } from './constants';
import { isReferenceId, normalizeEmail } from './customer-fields';

/** Types that count once per customer and item, and the types that undo them. */
export const ONCE_ONLY_TYPES = ['Like', 'Bookmark', 'Subscribe'] as const;
export const UNDO_TYPES: Record<string, (typeof ONCE_ONLY_TYPES)[number]> = {
  Unlike: 'Like',
  Unbookmark: 'Bookmark',
  Unsubscribe: 'Subscribe',
};

export const MAX_BATCH = 100;
export const MAX_METADATA_BYTES = 4096;

/**
 * The opaque visitor id a public caller names itself by (X-Visitor-Id, or ?vid= for sendBeacon):
 * tracker.js makes 'v' + 32 hex digits (128 random bits). 22 characters is the shortest that can
 * hold 128 bits in this alphabet, so shorter ids are refused as guessable.
 */
export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{22,100}$/;

/** A customer named by a trusted caller (X-Customer-Id): a documentId or a reference id. */
export const CUSTOMER_REF_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** The request headers (and query parameter) that name who a request is about. */
export const IDENTITY_HEADERS = {
  visitor: 'X-Visitor-Id',
  customer: 'X-Customer-Id',
  visitorParam: 'vid',
} as const;

/** The 400 messages about those headers, the same on the tracking API and content reads. */
export const IDENTITY_MESSAGES = {
  badVisitor:
    'X-Visitor-Id must be an opaque visitor id of 22 to 100 letters, digits, - and _ (tracker.js makes one: segments.visitorId)',
  badCustomer:
    'X-Customer-Id must be a customer documentId or reference id (letters, digits, - and _)',
  customerNeedsToken:
    'X-Customer-Id names a customer and is accepted only with an API token (from your server); browsers send X-Visitor-Id, the id tracker.js keeps',
  both: 'Send X-Visitor-Id or X-Customer-Id, not both',
} as const;

const utm = yup.string().trim().max(255);

/** One tracked event; `customTypes` are the site's own event types from the plugin config. */
export const trackedEventSchema = (customTypes: string[]) => {
  const allowed = [...EVENT_TYPES, ...Object.keys(UNDO_TYPES), ...customTypes];
  return yup
    .object({
      type: yup
        .string()
        .required('Each event needs a type')
        .oneOf(allowed, 'Event type "${value}" is not known; use one of ' + allowed.join(', ')),
      occurredAt: yup
        .string()
        .test(
          'date',
          'occurredAt "${value}" is not an ISO date',
          (v) => v === undefined || !Number.isNaN(Date.parse(v))
        )
        .test(
          'not-future',
          'occurredAt may not be in the future',
          // Not a date at all is the test above's to say.
          (v) => v === undefined || !(Date.parse(v) > Date.now() + 5 * 60_000)
        ),
      item: yup
        .object({
          uid: yup
            .string()
            .matches(
              /^[a-z0-9-]+::[a-z0-9-]+\.[a-z0-9-]+$/i,
              'item.uid "${value}" is not a content-type uid'
            )
            .required(),
          documentId: yup.string().trim().min(1).max(100).required('item.documentId is required'),
          locale: yup.string().trim().max(20).nullable(),
        })
        .noUnknown()
        .default(undefined),
      url: yup.string().trim().max(2000).url('url "${value}" is not a URL'),
      referrer: yup.string().trim().max(2000),
      utmSource: utm,
      utmMedium: utm,
      utmCampaign: utm,
      utmTerm: utm,
      utmContent: utm,
      metadata: yup
        .object()
        .default(undefined)
        .test(
          'size',
          `metadata may hold ${MAX_METADATA_BYTES} bytes at most`,
          (v) => v === undefined || JSON.stringify(v).length <= MAX_METADATA_BYTES
        ),
    })
    .noUnknown('${unknown} is not a field of an event');
};

/** POST /api/segments/events: one event, or `{ events: [...] }` with at most 100. */
export const trackingBodySchema = (customTypes: string[]) => {
  // Both shapes built once: yup.lazy calls its function on every validation.
  const event = trackedEventSchema(customTypes);
  const batch = yup
    .object({
      events: yup
        .array()
        .of(event)
        .min(1, 'events is empty')
        .max(MAX_BATCH, `A batch holds ${MAX_BATCH} events at most`)
        .required(),
    })
    .noUnknown();
  return yup.lazy((body: unknown) =>
    body && typeof body === 'object' && 'events' in (body as object) ? batch : event
  );
};

export type TrackedEvent = yup.InferType<ReturnType<typeof trackedEventSchema>>;

const strictText = (max: number, label: string) =>
  yup.string().strict().max(max, `${label} may be ${max} characters at most`);

/** An email checked with the customer form's rule (contracts/customer-fields.ts). */
const emailField = () =>
  yup
    .string()
    .strict()
    .test('email', '"${value}" is not an email address', (v) => !v || normalizeEmail(v) !== null);

/**
 * POST /api/segments/identify (public, with X-Visitor-Id): links the visitor to the customer
 * with this email. `userHash` is the hex HMAC-SHA256 of the lower-cased email with the site's
 * identity verification secret (see docs/tracking.md).
 */
export const identifySchema = yup
  .object({
    email: emailField().required('identify needs an email'),
    firstName: strictText(255, 'firstName'),
    lastName: strictText(255, 'lastName'),
    userHash: strictText(128, 'userHash'),
  })
  .noUnknown('${unknown} can not be set by identify')
  .strict();

export namespace Identify {
  export type Request = { body: yup.InferType<typeof identifySchema> };
  /** The same whether or not the email or the visitor is known. */
  export interface Response {
    data: { accepted: true };
  }
}

/** POST /api/segments/events */
export namespace TrackEvents {
  export interface Response {
    data: { recorded: number };
  }
}

/**
 * POST /api/segments/server/identify (API token): links a visitor id to the customer with this
 * email or reference id (created when missing), merging the visitor's anonymous profile into it.
 */
export const serverIdentifySchema = yup
  .object({
    visitorId: yup
      .string()
      .strict()
      .required('Name the visitor (visitorId, the id tracker.js keeps)')
      .matches(VISITOR_ID_PATTERN, 'visitorId must be 22 to 100 letters, digits, - and _'),
    email: emailField(),
    referenceId: yup
      .string()
      .strict()
      .test(
        'reference',
        'Reference id "${value}" may only hold letters and digits',
        (v) => v === undefined || isReferenceId(v)
      ),
    firstName: strictText(255, 'firstName'),
    lastName: strictText(255, 'lastName'),
  })
  .test('who', 'Name the customer by email or referenceId', (v) =>
    Boolean(v?.email || v?.referenceId)
  )
  .noUnknown('${unknown} can not be set by identify')
  .strict();

export namespace ServerIdentify {
  export type Request = { body: yup.InferType<typeof serverIdentifySchema> };
  export interface Response {
    /** The customer the visitor id now names. */
    data: { documentId: string };
  }
}

const customerRef = (label: string) =>
  yup
    .string()
    .strict()
    .required(`Name the ${label} customer (documentId or reference id)`)
    .matches(CUSTOMER_REF_PATTERN, `${label} must be a documentId or reference id`);

/** POST /api/segments/server/merge (API token): `from` merges into `into`. */
export const serverMergeSchema = yup
  .object({ into: customerRef('into'), from: customerRef('from') })
  .noUnknown('${unknown} is not an option of a merge')
  .strict();

export namespace ServerMerge {
  export type Request = { body: yup.InferType<typeof serverMergeSchema> };
  export interface Response {
    /** The customer that stays. */
    data: { documentId: string };
  }
}
