import * as yup from 'yup';

/** Columns of the customer import template, by their titles (the reference's template). */
export const TEMPLATE_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'phone_number',
  'gender',
  'date_of_birth',
  'street',
  'house_number',
  'zip_code',
  'city',
  'country',
  'job_title',
  'reference_id',
  'tags',
  'terms',
] as const;

/**
 * The column an export writes each customer's documentId in. The import reads it as the row's
 * identity (before the email); it is optional, so a file without it matches on email alone.
 */
export const CUSTOMER_ID_COLUMN = 'customer_id';

/** Every column the import reads: the template's and the customer's id. */
export const IMPORT_COLUMNS = [CUSTOMER_ID_COLUMN, ...TEMPLATE_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The counts the reference's import report lists. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** An import job as the admin API returns it. */
export interface ImportJob extends ImportCounts {
  id: number;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  fileSize: number;
  bytesDone: number;
  rowsDone: number;
  /** Rows in the file: exact once the job ends, estimated from bytes while it runs. */
  rowsTotal: number | null;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  unknownColumns: string[];
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** One row's outcome in a dry run (and the failed rows of any run). */
export interface ImportRowOutcome {
  line: number;
  action: 'create' | 'update' | 'unchanged' | 'fail';
  email: string | null;
  /** For updates: the fields the import would fill or add to. */
  fields: string[];
  /** For failures: "column: reason" for each problem. */
  reasons: string[];
}

export namespace ListImports {
  export interface Response {
    data: ImportJob[];
  }
}
export namespace GetImport {
  export interface Response {
    data: ImportJob & {
      rows?: ImportRowOutcome[];
      firstErrors: { line: number; column: string; reason: string }[];
      /** Whether the report is emailed to who started it: false without a mail provider. */
      emailReport: boolean;
    };
  }
}

/** The form fields of `POST /segments/imports` beside the file. */
export const importUploadSchema = yup
  .object({ dryRun: yup.boolean().typeError('dryRun must be true or false').default(false) })
  .noUnknown('${unknown} is not an option of an import; send the file and optionally dryRun');
