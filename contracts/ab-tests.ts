import * as yup from 'yup';
import { EVENT_TYPES } from './constants';

export const AB_TEST_STATUSES = ['draft', 'running', 'stopped'] as const;
export type AbTestStatus = (typeof AB_TEST_STATUSES)[number];

export const AB_VARIANTS = ['A', 'B'] as const;
export type AbVariant = (typeof AB_VARIANTS)[number];

/** The event recorded when a customer is first given a variant (metadata: abTest, variant). */
export const AB_EXPOSURE_EVENT = 'ABExposure';

/** P(B beats A) at or above this, or at or below 1 minus it, is called significant. */
export const SIGNIFICANCE = 0.95;

/** An A/B test as the admin API returns it. */
export interface AbTest {
  documentId: string;
  name: string;
  status: AbTestStatus;
  /** Share of visitors, in percent, who get variant A. */
  split: number;
  conversionEventType: string;
  startedAt: string | null;
  stoppedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The figures of one variant. */
export interface AbVariantResult {
  variant: AbVariant;
  /** Customers given this variant. */
  exposures: number;
  /** Exposed customers who did the conversion event at or after their exposure. */
  conversions: number;
  /** conversions / exposures, 0 without exposures. */
  rate: number;
  /** 95% credible interval of the conversion rate (Beta(1 + conversions, 1 + misses)). */
  interval: [number, number];
}

/** GET /segments/ab-tests/:documentId/results */
export interface AbTestResults {
  test: AbTest;
  variants: [AbVariantResult, AbVariantResult];
  /** P(rate B > rate A) under Beta(1,1) priors. */
  probabilityBBeatsA: number;
  significant: boolean;
}

/** Event types a test may count as its conversion: those the tracking API accepts. */
export const conversionEventTypes = (customTypes: string[]) => [
  ...new Set([...EVENT_TYPES, ...customTypes]),
];

const nameSchema = yup
  .string()
  .trim()
  .min(1, 'An A/B test needs a name')
  .max(100, 'The name may be 100 characters at most');

const splitSchema = yup
  .number()
  .typeError('split must be a number: the percentage of visitors who get variant A')
  .integer('split must be a whole percentage')
  .min(1, 'split must be between 1 and 99 (the percentage of visitors who get variant A)')
  .max(99, 'split must be between 1 and 99 (the percentage of visitors who get variant A)');

const statusSchema = yup
  .mixed<AbTestStatus>()
  .oneOf([...AB_TEST_STATUSES], 'status must be one of ' + AB_TEST_STATUSES.join(', '));

const eventTypeSchema = (customTypes: string[]) => {
  const allowed = conversionEventTypes(customTypes);
  return yup
    .string()
    .oneOf(
      allowed,
      'The conversion event type "${value}" is not known; use one of ' + allowed.join(', ')
    );
};

/** POST /segments/ab-tests; `customTypes` are the site's own event types (plugin config). */
export const abTestInputSchema = (customTypes: string[]) =>
  yup
    .object({
      name: nameSchema.required('An A/B test needs a name'),
      status: statusSchema.default('draft'),
      split: splitSchema.default(50),
      conversionEventType: eventTypeSchema(customTypes).required(
        'An A/B test needs a conversion event type'
      ),
    })
    .noUnknown('${unknown} is not a field of an A/B test');

/** PUT /segments/ab-tests/:documentId: the same fields, each optional. */
export const abTestUpdateSchema = (customTypes: string[]) =>
  yup
    .object({
      name: nameSchema,
      status: statusSchema,
      split: splitSchema,
      conversionEventType: eventTypeSchema(customTypes),
    })
    .noUnknown('${unknown} is not a field of an A/B test');

export type AbTestInput = yup.InferType<ReturnType<typeof abTestInputSchema>>;
export type AbTestUpdate = yup.InferType<ReturnType<typeof abTestUpdateSchema>>;

export namespace ListAbTests {
  export interface Response {
    data: AbTest[];
  }
}
export namespace GetAbTest {
  export interface Response {
    data: AbTest;
  }
}
export namespace GetAbTestResults {
  export interface Response {
    data: AbTestResults;
  }
}
