import type { CustomerListFilters } from '../customer-list';
import { EXPORT_FIELDS, type CountExport, type ExportField, type ExportJob } from '../exports';
import { jobFields } from './job';
import { file, json, type RoutesOf } from './response';
import { array, dateTime, exactly, integer, nullable, object, oneOf } from './shape';

export const exportJobShape = exactly<ExportJob>()(
  object({
    ...jobFields,
    status: oneOf(['queued', 'running', 'completed', 'failed', 'expired']),
    fields: array(oneOf(EXPORT_FIELDS)),
    expiresAt: nullable(dateTime),
  })
);

const one = object({ data: exportJobShape });

/** What each export route answers, by handler. */
export const exportResponses = {
  'exports.create': json(202, one),
  'exports.find': json(200, object({ data: array(exportJobShape) })),
  'exports.findOne': json(200, one),
  'exports.download': file('text/csv'),
  'exports.count': json(
    200,
    exactly<CountExport.Response>()(object({ data: object({ count: integer }) }))
  ),
};

type R = typeof exportResponses;
type Path = { id: number };

/** What each export route takes and answers. */
export type ExportRoutes = RoutesOf<
  R,
  {
    'exports.create': {
      /** The fields, and all, matching (`filters`) or selected (`documentIds`) customers. */
      body: { fields: ExportField[]; filters?: CustomerListFilters; documentIds?: string[] };
    };
    'exports.findOne': { params: Path };
    'exports.download': { params: Path };
    'exports.count': {
      /** All customers, those matching `filters`, or those selected (`documentIds`). */
      body: { filters?: CustomerListFilters; documentIds?: string[] };
    };
  }
>;
