import type { CustomerListFilters } from '../../../../contracts/customer-list';
import {
  EXPORT_FIELDS,
  type CountExport,
  type ExportField,
  type ExportJob,
} from '../../../../contracts/exports';

/** The columns checked when the export modal opens. */
export const DEFAULT_EXPORT_FIELDS: ExportField[] = [
  'documentId',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'gender',
  'dateOfBirth',
  'city',
  'country',
  'tags',
  'segments',
  'createdAt',
];

/** Which customers an export holds. */
export type ExportScope = 'all' | 'filtered' | 'selected';

/** Where the dialog starts: what the list shows now (the selection, else its filters). */
export const initialScope = (selectedCount: number, filtered: boolean): ExportScope =>
  selectedCount > 0 ? 'selected' : filtered ? 'filtered' : 'all';

/** The customers of a scope as the export API takes them. */
export const scopeRequest = (
  scope: ExportScope,
  filters: CustomerListFilters,
  selectedIds: string[]
): CountExport.Request =>
  scope === 'filtered' ? { filters } : scope === 'selected' ? { documentIds: selectedIds } : {};

/** The fields in the contract's order (the CSV's column order). */
export const orderedFields = (fields: Set<ExportField>) =>
  EXPORT_FIELDS.filter((field) => fields.has(field));

export const isExportRunning = (job: ExportJob | undefined) =>
  job !== undefined && (job.status === 'queued' || job.status === 'running');

/** 0 to 100, or null while the total is not known yet. */
export const exportPercent = (job: ExportJob) =>
  job.rowsTotal ? Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100)) : null;
