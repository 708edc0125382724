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

/** The rows a batch adds to the error and dry-run tables. */
export const reportRows = (batch: BatchCommit, dryRunRoom: number) => ({
  errors: batch.plan.errors.map((e) => ({
    job_id: batch.jobId,
    line: e.line,
    column_name: e.column,
    reason: e.reason,
    raw: JSON.stringify(e.raw),
  })),
  // A dry run keeps what each row would do; a real import, which rows created or updated whom
  // (the GDPR export lists them).
  outcomes: batch.dryRun
    ? batch.plan.outcomes.slice(0, Math.max(0, dryRunRoom)).map((o) => ({
        job_id: batch.jobId,
        line: o.line,
        action: o.action,
        email: o.email,
        fields: JSON.stringify(o.fields),
        reasons: JSON.stringify(o.reasons),
        customer_id: null,
      }))
    : batch.plan.outcomes.flatMap((o, i) =>
        o.action === 'create' || o.action === 'update'
          ? [
              {
                job_id: batch.jobId,
                line: o.line,
                action: o.action,
                email: o.email,
                fields: JSON.stringify(o.fields),
                reasons: '[]',
                customer_id: batch.plan.rowCustomers[i]?.id ?? null,
              },
            ]
          : []
      ),
});
