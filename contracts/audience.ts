import * as yup from 'yup';
import { AB_VARIANTS, type AbVariant } from './ab-tests';
import { SEGMENT_ID_PATTERN } from './segments';

/** The custom field's uid, as it appears in a content type's schema (`customField`). */
export const AUDIENCE_FIELD = 'plugin::segments.audience';

export { AB_VARIANTS, type AbVariant };

/**
 * Who a piece of content is for: a segment (its `segmentId`), and/or one variant of an A/B test
 * (the test's documentId). Every part null means "All other users": the fallback.
 */
export interface Audience {
  segment: string | null;
  abTest: string | null;
  variant: AbVariant | null;
}

export const EMPTY_AUDIENCE: Audience = { segment: null, abTest: null, variant: null };

/** The value as an editor may send it; the three keys, each nullable, variant only with a test. */
export const audienceSchema = yup
  .object({
    segment: yup.string().trim().nullable().default(null).matches(SEGMENT_ID_PATTERN, {
      message: 'The audience segment "${value}" is not a segment ID',
      excludeEmptyString: true,
    }),
    abTest: yup.string().trim().nullable().default(null).max(64),
    variant: yup
      .mixed<AbVariant>()
      .nullable()
      .default(null)
      .oneOf([...AB_VARIANTS, null], 'The audience variant must be A or B')
      .when('abTest', {
        is: (t: unknown) => Boolean(t),
        then: (s) => s.required('Choose variant A or B for the A/B test of this audience'),
        otherwise: (s) =>
          s.test('no-test', 'A variant needs an A/B test', (v) => v === null || v === undefined),
      }),
  })
  .noUnknown('${unknown} is not part of an audience (segment, abTest, variant)');

/** True when the audience targets nobody in particular ("All other users"). */
export const isEmptyAudience = (a: Audience | null | undefined) =>
  !a || (!a.segment && !a.abTest && !a.variant);

/**
 * The stored form: the field is a Strapi `string`, holding this JSON with the keys always in this
 * order, so that equal audiences are equal strings and the content API can filter entries in
 * the database with `$in` (see docs/personalization.md). Empty audiences are stored as null.
 */
export const serializeAudience = (a: Audience | null | undefined): string | null =>
  isEmptyAudience(a)
    ? null
    : JSON.stringify({
        segment: a!.segment || null,
        abTest: a!.abTest || null,
        variant: a!.abTest ? (a!.variant ?? null) : null,
      });

/** Reads a stored value (string, or already an object); anything unreadable is the fallback. */
export const parseAudience = (value: unknown): Audience => {
  if (value === null || value === undefined || value === '') return { ...EMPTY_AUDIENCE };
  let raw: unknown = value;
  if (typeof value === 'string') {
    try {
      raw = JSON.parse(value);
    } catch {
      return { ...EMPTY_AUDIENCE };
    }
  }
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_AUDIENCE };
  const o = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const variant = o.variant === 'A' || o.variant === 'B' ? o.variant : null;
  const abTest = str(o.abTest);
  return { segment: str(o.segment), abTest, variant: abTest ? variant : null };
};

/** What `meta.personalization` holds on a content API response. */
export interface PersonalizationMeta {
  /** False for `?personalize=false`: nothing was filtered. */
  personalized: boolean;
  /**
   * The customer the request named (documentId; null when nobody): only for a caller with an API
   * token. Public callers never see a documentId.
   */
  customer?: string | null;
  /** The segment IDs the content was chosen for (the customer's and X-Segments). */
  segments: string[];
  /** A/B test documentId -> the variant the visitor was given; empty for unknown visitors. */
  variants: Record<string, AbVariant>;
}

/** GET /segments/personalization/preview: one entry as a visitor of a segment would get it. */
export const previewQuerySchema = yup
  .object({
    uid: yup
      .string()
      .required('Name the content type (uid), e.g. api::promo.promo')
      .matches(/^(api|plugin)::[\w-]+\.[\w-]+$/, '${value} is not a content-type uid'),
    documentId: yup.string().trim().required('Name the entry (documentId)').max(64),
    segment: yup.string().trim().nullable().default(null).matches(SEGMENT_ID_PATTERN, {
      message: '"${value}" is not a segment ID',
      excludeEmptyString: true,
    }),
    variant: yup
      .mixed<AbVariant>()
      .nullable()
      .default(null)
      .oneOf([...AB_VARIANTS, null], 'variant must be A or B'),
    locale: yup.string().trim().nullable().default(null).max(20),
    status: yup
      .mixed<'draft' | 'published'>()
      .oneOf(['draft', 'published'], 'status must be draft or published')
      .default('published'),
  })
  .noUnknown(
    '${unknown} is not a preview option (uid, documentId, segment, variant, locale, status)'
  );

export type PreviewQuery = yup.InferType<typeof previewQuerySchema>;

export namespace PreviewAudience {
  export interface Response {
    data: {
      /** False when the entry itself is for another audience: the visitor would not get it. */
      visible: boolean;
      /** The entry with the blocks the visitor gets (all blocks when it is not visible). */
      entry: Record<string, unknown> | null;
      /** Blocks per dynamic zone or repeatable component before personalization. */
      totals: Record<string, number>;
      /** The headers a site sends to get this response from the content API. */
      headers: Record<string, string>;
    };
  }
}
