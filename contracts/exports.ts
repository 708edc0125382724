import * as yup from 'yup';
import { customerListFilters } from './customer-list';
import {
  CUSTOMER_FIELDS,
  EXPORT_OTHERS,
  EXTRA_PREFIX,
  fieldsWhere,
  type CustomerFieldName,
} from './customer-schema';

type ExportedName = {
  [K in CustomerFieldName]: (typeof CUSTOMER_FIELDS)[K] extends { exportTitle: string } ? K : never;
}[CustomerFieldName];

/** A field an export may hold: a customer field with an export title, or its segments. */
export type ExportField = ExportedName | 'segments';

const EXPORTED = fieldsWhere<ExportedName>((f) => f.exportTitle !== undefined);
const beforeSource = EXPORTED.indexOf('source');

/**
 * Fields a CSV export may hold, in this order: the customer fields with an export title (see
 * contracts/customer-schema.ts), the segments before the plugin's own columns.
 */
export const EXPORT_FIELDS: readonly ExportField[] = [
  ...EXPORTED.slice(0, beforeSource),
  'segments',
  ...EXPORTED.slice(beforeSource),
];

/**
 * The header cells of a field in an export: the template's titles for what the import reads (so
 * that an export imports back), `extra_...` for the rest, which the import ignores.
 */
export const exportTitles = (field: ExportField): string[] => {
  if (field === 'segments') return [`${EXTRA_PREFIX}segments`];
  const others = EXPORT_OTHERS[field];
  const title = CUSTOMER_FIELDS[field].exportTitle;
  return others ? [title, others] : [title];
};

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
