import type { PreviewAudience, PreviewQuery } from '../audience';
import { json, type RoutesOf } from './response';
import { boolean, exactly, integer, nullable, object, record, string, unknown } from './shape';

/** What the personalization route answers, by handler. */
export const personalizationResponses = {
  'personalization.preview': json(
    200,
    exactly<PreviewAudience.Response>()(
      object({
        data: object({
          visible: boolean,
          entry: nullable(record(unknown)),
          totals: record(integer),
          headers: record(string),
        }),
      })
    )
  ),
};

type R = typeof personalizationResponses;

/** What the personalization route takes and answers. */
export type PersonalizationRoutes = RoutesOf<
  R,
  {
    'personalization.preview': {
      query: Partial<PreviewQuery> & Pick<PreviewQuery, 'uid' | 'documentId'>;
    };
  }
>;
