import type { ImportCounts, ImportJob } from '../../../contracts/imports';

/** The arithmetic of an import's progress and report, apart from the views that show it. */

/** True while the job waits or runs (poll it), false once it ended. */
export const isActive = (job: Pick<ImportJob, 'status'>) =>
  job.status === 'queued' || job.status === 'running';

/**
 * How far the job is, 0 to 100: rows done of the (estimated) total, else bytes read of the file;
 * 100 once it ended.
 */
export const progressPercent = (
  job: Pick<ImportJob, 'status' | 'rowsDone' | 'rowsTotal' | 'bytesDone' | 'fileSize'>
) => {
  if (!isActive(job)) return 100;
  const share =
    job.rowsTotal && job.rowsTotal > 0
      ? job.rowsDone / job.rowsTotal
      : job.fileSize > 0
        ? job.bytesDone / job.fileSize
        : 0;
  return Math.max(0, Math.min(99, Math.floor(share * 100)));
};

export const COUNT_KEYS = ['created', 'updated', 'unchanged', 'failed'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** Each count with its share of all rows (shares add up to 1; all 0 when there are no rows). */
export const countShares = (counts: ImportCounts) => {
  const total = COUNT_KEYS.reduce((n, key) => n + counts[key], 0);
  return COUNT_KEYS.map((key) => ({
    key,
    value: counts[key],
    share: total > 0 ? counts[key] / total : 0,
  }));
};

/** Seconds as hours, minutes and seconds, for "about 2 min 5 s left". */
export const splitDuration = (totalSeconds: number) => {
  const s = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
};

/** File sizes as the report shows them: bytes, kB or MB (1000-based, like file managers). */
export const fileSizeParts = (
  bytes: number
): { value: number; unit: 'byte' | 'kilobyte' | 'megabyte' } =>
  bytes >= 1_000_000
    ? { value: Math.round(bytes / 100_000) / 10, unit: 'megabyte' }
    : bytes >= 1000
      ? { value: Math.round(bytes / 100) / 10, unit: 'kilobyte' }
      : { value: bytes, unit: 'byte' };
