import { errors } from '@strapi/utils';
import * as yup from 'yup';
import { AB_VARIANTS, type AbVariant } from '../../../contracts/audience';
import { PREVIEW_PARAMS } from '../../../contracts/preview';
import { SEGMENT_ID_PATTERN } from '../../../contracts/segments';
import {
  CUSTOMER_REF_PATTERN,
  IDENTITY_MESSAGES,
  VISITOR_ID_PATTERN,
} from '../../../contracts/tracking';
import { validate } from '../validation/validate';

/** The request headers and query parameters that choose personalized content. */
export interface VisitorInput {
  /** X-Visitor-Id: the caller's own opaque visitor id. */
  visitorId: string | null;
  /** X-Customer-Id: a customer documentId or reference id, from a trusted caller only. */
  customerId: string | null;
  segments: string[];
  forceVariant: AbVariant | null;
}

/** At most 40 characters of a refused value: an answer does not echo a whole header back. */
const excerpt = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** The visitor schema, its messages naming where the values came from (headers or query). */
const visitorSchema = (segmentsFrom: string, variantFrom: string) =>
  yup
    .object({
      visitorId: yup
        .string()
        .matches(VISITOR_ID_PATTERN, IDENTITY_MESSAGES.badVisitor)
        .nullable()
        .default(null),
      customerId: yup
        .string()
        .matches(CUSTOMER_REF_PATTERN, IDENTITY_MESSAGES.badCustomer)
        .nullable()
        .default(null),
      segments: yup
        .array()
        .of(
          yup
            .string()
            .required()
            .test('segment-id', function isSegmentId(value) {
              if (SEGMENT_ID_PATTERN.test(value)) return true;
              // A message function: the header's text is quoted, never interpolated, and cut.
              const message = `${segmentsFrom} holds "${excerpt(value)}", which is not a segment ID (A-Z, a-z, 0-9, -, _, space; 3 or more)`;
              return this.createError({ message: () => message });
            })
        )
        .max(50, `${segmentsFrom} names more than 50 segments`)
        .default([]),
      forceVariant: yup
        .mixed<AbVariant>()
        .nullable()
        .oneOf([...AB_VARIANTS, null], `${variantFrom} must be A or B`)
        .default(null),
    })
    .noUnknown();

const headerSchema = visitorSchema('X-Segments', 'X-AB-Variant');
const querySchema = visitorSchema(`?${PREVIEW_PARAMS.segments}=`, `?${PREVIEW_PARAMS.variant}=`);

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  const s = Array.isArray(v) ? v.join(',') : v;
  return s && s.trim() ? s.trim() : null;
};

/** A query parameter as one string (repeated: joined by commas); anything else is a 400. */
const queryParam = (query: Record<string, unknown>, name: string) => {
  const v = query[name];
  if (v === undefined || v === null) return null;
  const parts = Array.isArray(v) ? v : [v];
  if (!parts.every((p) => typeof p === 'string'))
    throw new errors.ValidationError(`?${name}= must be plain text, not an object`);
  const s = parts.join(',').trim();
  return s || null;
};

const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Reads and validates the visitor headers, and the preview query parameters that stand in for
 * X-Segments and X-AB-Variant (see contracts/preview.ts): a bad value is a 400 that says what to
 * send. Segments from both are combined; a header's variant wins over the parameter's. Only a
 * trusted caller (an API token) may name a customer with X-Customer-Id; the public names itself
 * by its visitor id (X-Visitor-Id).
 */
export const readVisitorInput = async (
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, unknown> = {},
  trusted = false
): Promise<VisitorInput> => {
  const customerId = header(headers, 'x-customer-id');
  const visitorId = header(headers, 'x-visitor-id');
  if (customerId && !trusted)
    throw new errors.ValidationError(IDENTITY_MESSAGES.customerNeedsToken);
  if (customerId && visitorId) throw new errors.ValidationError(IDENTITY_MESSAGES.both);
  const fromHeaders = (await validate(headerSchema, {
    visitorId,
    customerId,
    segments: list(header(headers, 'x-segments')),
    forceVariant: header(headers, 'x-ab-variant')?.toUpperCase() ?? null,
  })) as VisitorInput;
  const segments = list(queryParam(query, PREVIEW_PARAMS.segments));
  const variant = queryParam(query, PREVIEW_PARAMS.variant);
  if (segments.length === 0 && variant === null) return fromHeaders;
  const fromQuery = (await validate(querySchema, {
    visitorId: null,
    customerId: null,
    segments,
    forceVariant: variant?.toUpperCase() ?? null,
  })) as VisitorInput;
  const all = [...new Set([...fromHeaders.segments, ...fromQuery.segments])];
  if (all.length > 50)
    throw new errors.ValidationError('X-Segments and ?segments= name more than 50 segments');
  return {
    visitorId: fromHeaders.visitorId,
    customerId: fromHeaders.customerId,
    segments: all,
    forceVariant: fromHeaders.forceVariant ?? fromQuery.forceVariant,
  };
};

/** Takes the preview query parameters off a content API query (strictParams would refuse them). */
export const takeVisitorParams = (query: Record<string, unknown>): Record<string, unknown> => {
  const taken: Record<string, unknown> = {};
  for (const name of Object.values(PREVIEW_PARAMS)) {
    if (name in query) {
      taken[name] = query[name];
      delete query[name];
    }
  }
  return taken;
};

/** `?personalize=false` turns filtering off; anything but true/false is a 400. */
export const readPersonalizeParam = async (value: unknown): Promise<boolean> => {
  if (value === undefined) return true;
  const parsed = await validate(
    yup
      .string()
      .oneOf(['true', 'false'], 'personalize must be true or false (false returns every variant)'),
    Array.isArray(value) ? value[0] : value
  );
  return parsed !== 'false';
};
