import * as yup from 'yup';
import { customerListFilters } from './customer-list';

/** Columns a CSV export may hold, in this order; multi-valued ones are joined with ", ". */
export const EXPORT_FIELDS = [
  'documentId',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'gender',
  'dateOfBirth',
  'street',
  'houseNumber',
  'zipCode',
  'city',
  'country',
  'jobTitle',
  'referenceId',
  'tags',
  'subscriptions',
  'terms',
  'segments',
  'source',
  'lastActivityAt',
  'anonymizedAt',
  'createdAt',
  'updatedAt',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

/** POST /segments/exports: which fields, and which customers (all, matching, or selected). */
export const exportRequestSchema = yup
  .object({
    fields: yup
      .array()
      .of(
        yup
          .string()
          .oneOf([...EXPORT_FIELDS], '"${value}" is not a field you can export')
          .required()
      )
      .min(1, 'Choose at least one field to export')
      .required('Choose the fields to export'),
    filters: customerListFilters.optional().default(undefined),
    documentIds: yup.array().of(yup.string().trim().required()).max(10_000),
  })
  .noUnknown('${unknown} is not an option of an export');

export type ExportRequest = yup.InferType<typeof exportRequestSchema>;

/** POST /segments/exports/count: how many rows an export of these customers would write. */
export const exportCountSchema = yup
  .object({
    filters: customerListFilters.optional().default(undefined),
    documentIds: yup.array().of(yup.string().trim().required()).max(10_000),
  })
  .noUnknown('${unknown} is not an option of an export');

export namespace CountExport {
  export type Request = yup.InferType<typeof exportCountSchema>;
  export interface Response {
    data: { count: number };
  }
}

/** An export job as the admin API shows it. */
export interface ExportJob {
  id: number;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'expired';
  fields: ExportField[];
  rowsDone: number;
  rowsTotal: number | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the file is removed (7 days after it was made). */
  expiresAt: string | null;
}
