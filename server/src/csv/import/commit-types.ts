import { contactRows } from './error-contacts';
import type { BatchPlan } from './plan';

/** A batch ready to commit with the progress of its job. */
export interface BatchCommit {
  jobId: number;
  owner: string;
  leaseUntil: number;
  plan: BatchPlan;
  lastLine: number;
  bytes: number;
  dryRun: boolean;
  now: Date;
}

/** Another instance took the job over (our lease expired): stop without touching it. */
export class LeaseLost extends Error {}

/** Dry runs keep the per-row outcome of this many rows for the admin to read. */
export const DRY_RUN_DETAIL = 5000;

export const countOf = (plan: BatchPlan, action: string) =>
  plan.outcomes.filter((o) => o.action === action).length;

/** The columns of the rows `reportRows` returns, per table. */
export const REPORT_COLUMNS = {
  errors: ['job_id', 'line', 'column_name', 'reason', 'raw'],
  contacts: ['job_id', 'line', 'contact'],
  outcomes: ['job_id', 'line', 'action', 'email', 'fields', 'reasons', 'customer_id'],
} as const;

/**
 * The rows a batch adds to the error (and whom they name) and dry-run tables (values in
 * REPORT_COLUMNS order).
 */
export const reportRows = (batch: BatchCommit, dryRunRoom: number) => ({
  errors: batch.plan.errors.map((e) => [
    batch.jobId,
    e.line,
    e.column,
    e.reason,
    JSON.stringify(e.raw),
  ]),
  contacts: contactRows(batch.jobId, batch.plan.errors),
  // A dry run keeps what each row would do; a real import, which rows created or updated whom
  // (the GDPR export lists them).
  outcomes: batch.dryRun
    ? batch.plan.outcomes
        .slice(0, Math.max(0, dryRunRoom))
        .map((o) => [
          batch.jobId,
          o.line,
          o.action,
          o.email,
          JSON.stringify(o.fields),
          JSON.stringify(o.reasons),
          null,
        ])
    : batch.plan.outcomes.flatMap((o, i) =>
        o.action === 'create' || o.action === 'update'
          ? [
              [
                batch.jobId,
                o.line,
                o.action,
                o.email,
                o.fields.length === 0 ? '[]' : JSON.stringify(o.fields),
                '[]',
                batch.plan.rowCustomers[i]?.id ?? null,
              ],
            ]
          : []
      ),
});
