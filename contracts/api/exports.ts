import type { CustomerListFilters } from '../customer-list';
import { EXPORT_FIELDS, type ExportField, type ExportJob } from '../exports';
import { file, json, type BodyOf } from './response';
import { array, dateTime, exactly, integer, nullable, object, oneOf, string } from './shape';

export const exportJobShape = exactly<ExportJob>()(
  object({
    id: integer,
    status: oneOf(['queued', 'running', 'completed', 'failed', 'expired']),
    fields: array(oneOf(EXPORT_FIELDS)),
    rowsDone: integer,
    rowsTotal: nullable(integer),
    error: nullable(string),
    createdBy: nullable(string),
    createdAt: dateTime,
    finishedAt: nullable(dateTime),
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
};

type R = typeof exportResponses;
type Path = { id: number };

/** What each export route takes and answers. */
export interface ExportRoutes {
  'exports.create': {
    /** The fields, and all, matching (`filters`) or selected (`documentIds`) customers. */
    body: { fields: ExportField[]; filters?: CustomerListFilters; documentIds?: string[] };
    response: BodyOf<R['exports.create']>;
  };
  'exports.find': { response: BodyOf<R['exports.find']> };
  'exports.findOne': { params: Path; response: BodyOf<R['exports.findOne']> };
  'exports.download': { params: Path; response: BodyOf<R['exports.download']> };
}
