import type { GetImport, ImportJob, ListImports } from '../imports';
import { IMPORT_STATUSES } from '../imports';
import { jobFields } from './job';
import { file, json, type RoutesOf } from './response';
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
} from './shape';

const importJobFields = {
  ...jobFields,
  status: oneOf(IMPORT_STATUSES),
  dryRun: boolean,
  fileName: string,
  fileSize: integer,
  bytesDone: integer,
  rowsPerSecond: nullable(number),
  etaSeconds: nullable(number),
  unknownColumns: array(string),
  startedAt: nullable(dateTime),
  created: integer,
  updated: integer,
  unchanged: integer,
  failed: integer,
};

export const importJobShape = exactly<ImportJob>()(object(importJobFields));

const rowOutcomeShape = object({
  line: integer,
  action: oneOf(['create', 'update', 'unchanged', 'fail']),
  email: nullable(string),
  fields: array(string),
  reasons: array(string),
});

/** What each import route answers, by handler. */
export const importResponses = {
  'imports.template': file('text/csv'),
  'imports.create': json(202, object({ data: importJobShape })),
  'imports.find': json(
    200,
    exactly<ListImports.Response>()(object({ data: array(importJobShape) }))
  ),
  'imports.findOne': json(
    200,
    exactly<GetImport.Response>()(
      object({
        data: object({
          ...importJobFields,
          rows: optional(array(rowOutcomeShape)),
          firstErrors: array(object({ line: integer, column: string, reason: string })),
          emailReport: boolean,
        }),
      })
    )
  ),
  'imports.errors': file('text/csv'),
};

type R = typeof importResponses;
type Path = { id: number };

/** What each import route takes and answers. */
export type ImportRoutes = RoutesOf<
  R,
  {
    /** multipart/form-data: the CSV in `file`, and `dryRun`. */
    'imports.create': { body: { dryRun?: boolean } };
    'imports.findOne': { params: Path };
    'imports.errors': { params: Path };
  }
>;
