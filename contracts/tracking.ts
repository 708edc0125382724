import * as yup from 'yup';
import { EVENT_TYPES } from './constants';

/** Types that count once per customer and item, and the types that undo them. */
export const ONCE_ONLY_TYPES = ['Like', 'Bookmark', 'Subscribe'] as const;
export const UNDO_TYPES: Record<string, (typeof ONCE_ONLY_TYPES)[number]> = {
  Unlike: 'Like',
  Unbookmark: 'Bookmark',
  Unsubscribe: 'Subscribe',
};

export const MAX_BATCH = 100;
export const MAX_METADATA_BYTES = 4096;

/** A visitor id in X-Customer-Id: a customer documentId, a reference id or a visitor id. */
export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

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
          (v) => v === undefined || Date.parse(v) <= Date.now() + 5 * 60_000
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

/** POST /api/segments/identify */
export const identifySchema = yup
  .object({
    email: yup
      .string()
      .trim()
      .lowercase()
      .email('"${value}" is not an email address')
      .required('identify needs an email'),
    firstName: yup.string().trim().max(255),
    lastName: yup.string().trim().max(255),
  })
  .noUnknown('${unknown} can not be set by identify');
