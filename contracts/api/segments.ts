import { SEGMENT_KINDS } from '../constants';
import type { CustomerListQuery } from '../customer-list';
import type { RuleNode } from '../segment-rules';
import type {
  ExplainSegments,
  GetSegment,
  ListSegments,
  PreviewSegment,
  PushMembers,
  Segment,
  SegmentExplanation,
  SegmentInput,
  SegmentUpdate,
} from '../segments';
import { customerShape, paginationShape } from './customers';
import { json, type RoutesOf } from './response';
import {
  array,
  boolean,
  dateTime,
  exactly,
  integer,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  unchecked,
  type Infer,
} from './shape';

// Rule trees are checked by their own yup schema on the way in; here only typed.
const rules = unchecked<RuleNode>();

export const segmentShape = exactly<Segment>()(
  object({
    documentId: string,
    name: string,
    segmentId: string,
    description: nullable(string),
    kind: oneOf(SEGMENT_KINDS),
    rules: nullable(rules),
    memberCount: integer,
    lastComputedAt: nullable(dateTime),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
);

const explanationShape = exactly<SegmentExplanation>()(
  object({
    documentId: string,
    segmentId: string,
    name: string,
    member: boolean,
    decidedBy: nullable(object({ path: array(integer), condition: rules, held: boolean })),
  })
);

/** One recorded recompute of a segment: when, how many members, how long it took. */
const sizeShape = object({ computedAt: dateTime, memberCount: integer, durationMs: number });
export type SegmentSize = Infer<typeof sizeShape>;

const one = exactly<GetSegment.Response>()(object({ data: segmentShape }));
const pushed = exactly<PushMembers.Response>()(
  object({ data: object({ matched: integer, unknown: integer, memberCount: integer }) })
);

/** What each segment route answers, by handler. */
export const segmentResponses = {
  'segments.find': json(
    200,
    exactly<ListSegments.Response>()(object({ data: array(segmentShape) }))
  ),
  'segments.findOne': json(200, one),
  'segments.create': json(201, one),
  'segments.update': json(200, one),
  'segments.delete': json(200, object({ data: object({ documentId: string }) })),
  'segments.preview': json(
    200,
    exactly<PreviewSegment.Response>()(
      object({ data: object({ count: integer, sample: optional(array(customerShape)) }) })
    )
  ),
  'segments.history': json(200, object({ data: array(sizeShape) })),
  'segments.members': json(200, object({ data: array(customerShape), meta: paginationShape })),
  'segments.pushMembers': json(200, pushed),
  'segments.pushMembersByToken': json(200, pushed),
  'segments.explain': json(
    200,
    exactly<ExplainSegments.Response>()(object({ data: array(explanationShape) }))
  ),
};

type R = typeof segmentResponses;
type Path = { documentId: string };
type MembersPush = {
  mode?: 'add' | 'remove' | 'replace';
  emails?: string[];
  referenceIds?: string[];
};

/** What each segment route takes (path, query, body) and answers. */
export type SegmentRoutes = RoutesOf<
  R,
  {
    'segments.findOne': { params: Path };
    'segments.create': { body: SegmentInput };
    'segments.update': { params: Path; body: SegmentUpdate };
    'segments.delete': { params: Path };
    'segments.preview': { body: { rules: RuleNode } };
    'segments.history': { params: Path };
    'segments.members': {
      params: Path;
      query: Partial<Pick<CustomerListQuery, 'page' | 'pageSize' | 'sort' | 'q'>>;
    };
    'segments.pushMembers': { params: Path; body: MembersPush };
    'segments.pushMembersByToken': { params: { segmentId: string }; body: MembersPush };
    /** The customer's documentId: GET /customers/:documentId/segments/explain. */
    'segments.explain': { params: Path };
  }
>;
