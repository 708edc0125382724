import {
  AB_TEST_STATUSES,
  AB_VARIANTS,
  type AbTest,
  type AbTestInput,
  type AbTestResults,
  type AbTestUpdate,
  type AbVariantResult,
  type GetAbTest,
  type GetAbTestResults,
  type ListAbTests,
} from '../ab-tests';
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
  string,
  tuple,
} from './shape';

const abTestShape = exactly<AbTest>()(
  object({
    documentId: string,
    name: string,
    status: oneOf(AB_TEST_STATUSES),
    split: integer,
    conversionEventType: string,
    startedAt: nullable(dateTime),
    stoppedAt: nullable(dateTime),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
);

const variantShape = exactly<AbVariantResult>()(
  object({
    variant: oneOf(AB_VARIANTS),
    exposures: integer,
    conversions: integer,
    rate: number,
    interval: tuple(number, number),
  })
);

const one = exactly<GetAbTest.Response>()(object({ data: abTestShape }));

/** What each A/B test route answers, by handler. */
export const abTestResponses = {
  'ab-tests.find': json(200, exactly<ListAbTests.Response>()(object({ data: array(abTestShape) }))),
  'ab-tests.findOne': json(200, one),
  'ab-tests.create': json(201, one),
  'ab-tests.update': json(200, one),
  'ab-tests.delete': json(200, one),
  'ab-tests.results': json(
    200,
    exactly<GetAbTestResults.Response>()(
      object({
        data: exactly<AbTestResults>()(
          object({
            test: abTestShape,
            variants: tuple(variantShape, variantShape),
            probabilityBBeatsA: number,
            significant: boolean,
          })
        ),
      })
    )
  ),
};

type R = typeof abTestResponses;
type Path = { documentId: string };

/** What each A/B test route takes and answers. */
export type AbTestRoutes = RoutesOf<
  R,
  {
    'ab-tests.findOne': { params: Path };
    'ab-tests.create': { body: AbTestInput };
    'ab-tests.update': { params: Path; body: AbTestUpdate };
    'ab-tests.delete': { params: Path };
    'ab-tests.results': { params: Path };
  }
>;
