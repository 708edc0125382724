import * as yup from 'yup';
import { SEGMENT_KINDS, type SegmentKind } from './constants';
import { normalizeEmail } from './customer-fields';
import type { Customer } from './customers';
import type { RuleNode } from './segment-rules';
import { ruleTreeSchema } from './segment-rules-schema';

/** A segment as the admin API returns it. */
export interface Segment {
  documentId: string;
  name: string;
  segmentId: string;
  description: string | null;
  kind: SegmentKind;
  rules: RuleNode | null;
  memberCount: number;
  lastComputedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The reference's rule for segment IDs: A-Z a-z 0-9, hyphens, underscores, spaces; 3 or more. */
export const SEGMENT_ID_PATTERN = /^[A-Za-z0-9_\- ]{3,100}$/;

/** "Viewed pricing page!" -> "viewed-pricing-page": the ID proposed for a name. */
export const segmentIdFromName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

const segmentIdSchema = yup
  .string()
  .trim()
  .matches(
    SEGMENT_ID_PATTERN,
    'The segment ID "${value}" may only hold A-Z, a-z, 0-9, hyphens, underscores and spaces, and needs 3 characters or more'
  );

/** What POST /segments/segments accepts; PUT takes the same fields, all optional. */
export const segmentInputSchema = yup
  .object({
    name: yup
      .string()
      .trim()
      .min(1, 'A segment needs a name')
      .max(100)
      .required('A segment needs a name'),
    segmentId: segmentIdSchema,
    description: yup.string().nullable().max(1000),
    kind: yup
      .mixed<SegmentKind>()
      .oneOf([...SEGMENT_KINDS], 'kind must be rule or external')
      .default('rule'),
    rules: yup
      .mixed<RuleNode>()
      .nullable()
      .when('kind', {
        is: 'external',
        then: (s) =>
          s.test('none', 'An external segment has no rules', (v) => v === null || v === undefined),
        otherwise: (s) => s.required('A rule segment needs rules'),
      }),
  })
  .noUnknown('${unknown} is not a field of a segment');

export const segmentUpdateSchema = yup
  .object({
    name: yup.string().trim().min(1, 'A segment needs a name').max(100),
    segmentId: segmentIdSchema,
    description: yup.string().nullable().max(1000),
    rules: yup.mixed<RuleNode>().nullable(),
  })
  .noUnknown('${unknown} can not be changed on a segment (the kind is fixed once created)');

export type SegmentInput = yup.InferType<typeof segmentInputSchema>;
export type SegmentUpdate = yup.InferType<typeof segmentUpdateSchema>;

/** The rules alone, for POST /segments/segments/preview. */
export const previewSchema = yup.object({ rules: ruleTreeSchema }).noUnknown();

/** PUT /segments/segments/:documentId/members: a CRM pushes members of an external segment. */
export const membersPushSchema = yup
  .object({
    mode: yup
      .string()
      .oneOf(['add', 'remove', 'replace'], 'mode must be add, remove or replace')
      .default('add'),
    emails: yup
      .array()
      .of(
        yup
          .string()
          .transform((v: unknown) => (typeof v === 'string' ? (normalizeEmail(v) ?? v) : v))
          // The customer form's rule (contracts/customer-fields.ts), so a pushed email is one
          // a customer can have.
          .test('email', '"${value}" is not an email', (v) => !v || normalizeEmail(v) === v)
          .required()
      )
      .max(10_000),
    referenceIds: yup.array().of(yup.string().trim().required()).max(10_000),
  })
  .noUnknown('${unknown} is not an option; give emails and/or referenceIds')
  .test('some', 'Give emails or referenceIds (up to 10,000 per request)', (v) =>
    Boolean(v.emails?.length || v.referenceIds?.length || v.mode === 'replace')
  );

export namespace ListSegments {
  export interface Response {
    data: Segment[];
  }
}
export namespace GetSegment {
  export interface Response {
    data: Segment;
  }
}
export namespace PreviewSegment {
  export interface Response {
    /** `sample`: ten of them, only for admins who may read customers (customers.read). */
    data: { count: number; sample?: Customer[] };
  }
}
export namespace PushMembers {
  export interface Response {
    data: { matched: number; unknown: number; memberCount: number };
  }
}

/** One rule segment's verdict for a customer, with the condition that decided it. */
export interface SegmentExplanation {
  documentId: string;
  segmentId: string;
  name: string;
  member: boolean;
  /**
   * The deciding condition: its path in the tree (child indexes from the root), the condition,
   * and whether it held for this customer (under NOT a condition that held can keep them out).
   */
  decidedBy: { path: number[]; condition: RuleNode; held: boolean } | null;
}
export namespace ExplainSegments {
  export interface Response {
    data: SegmentExplanation[];
  }
}
