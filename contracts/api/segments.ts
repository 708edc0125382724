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
import { json, type BodyOf } from './response';
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
export interface SegmentRoutes {
  'segments.find': { response: BodyOf<R['segments.find']> };
  'segments.findOne': { params: Path; response: BodyOf<R['segments.findOne']> };
  'segments.create': { body: SegmentInput; response: BodyOf<R['segments.create']> };
  'segments.update': {
    params: Path;
    body: SegmentUpdate;
    response: BodyOf<R['segments.update']>;
  };
  'segments.delete': { params: Path; response: BodyOf<R['segments.delete']> };
  'segments.preview': { body: { rules: RuleNode }; response: BodyOf<R['segments.preview']> };
  'segments.history': { params: Path; response: BodyOf<R['segments.history']> };
  'segments.members': {
    params: Path;
    query: Partial<Pick<CustomerListQuery, 'page' | 'pageSize' | 'sort' | 'q'>>;
    response: BodyOf<R['segments.members']>;
  };
  'segments.pushMembers': {
    params: Path;
    body: MembersPush;
    response: BodyOf<R['segments.pushMembers']>;
  };
  'segments.pushMembersByToken': {
    params: { segmentId: string };
    body: MembersPush;
    response: BodyOf<R['segments.pushMembersByToken']>;
  };
  /** The customer's documentId: GET /customers/:documentId/segments/explain. */
  'segments.explain': { params: Path; response: BodyOf<R['segments.explain']> };
}
