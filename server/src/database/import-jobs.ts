import type { ImportJob } from '../../../contracts/imports';
import { toIso } from '../utils/dates';

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** An import job row as the admin API shows it, with speed and ETA while it runs. */
export const toImportJob = (row: Record<string, any>, now = Date.now()): ImportJob => {
  const startedAt = toIso(row.started_at);
  const finishedAt = toIso(row.finished_at);
  const rowsDone = num(row.rows_done);
  const bytesDone = num(row.bytes_done);
  const fileSize = num(row.file_size);
  const elapsed = startedAt
    ? ((finishedAt ? Date.parse(finishedAt) : now) - Date.parse(startedAt)) / 1000
    : 0;
  const rowsPerSecond = elapsed > 0 && rowsDone > 0 ? Math.round(rowsDone / elapsed) : null;
  const estimatedTotal =
    row.rows_total !== null && row.rows_total !== undefined
      ? num(row.rows_total)
      : bytesDone > 0 && rowsDone > 0
        ? Math.round((rowsDone * fileSize) / bytesDone)
        : null;
  const eta =
    row.status === 'running' && rowsPerSecond && estimatedTotal
      ? Math.max(0, Math.round((estimatedTotal - rowsDone) / rowsPerSecond))
      : null;
  return {
    id: row.id,
    status: row.status,
    dryRun: Boolean(row.dry_run),
    fileName: row.file_name,
    fileSize,
    bytesDone,
    rowsDone,
    rowsTotal: estimatedTotal,
    rowsPerSecond,
    etaSeconds: eta,
    created: num(row.created),
    updated: num(row.updated),
    unchanged: num(row.unchanged),
    failed: num(row.failed),
    unknownColumns: row.unknown_columns ? JSON.parse(row.unknown_columns) : [],
    error: row.error ?? null,
    createdBy: row.created_by_email ?? null,
    createdAt: toIso(row.created_at)!,
    startedAt,
    finishedAt,
  };
};
