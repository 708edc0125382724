import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef } from 'react';
import type { GetImport } from '../../../contracts/imports';
import { useImportJob } from '../services/imports';
import { isActive } from '../utils/importProgress';
import { usePolling } from './usePolling';
import { useT } from './useT';

/**
 * One import job, polled every second while it is queued or running. When a job that ran while
 * watched here, or that was started here (`expect`), ends, a notification says how it went and
 * `onDone` is called (e.g. to reload the customer list), once; also for a job so small that it
 * ended before the first poll.
 */
export const useImportJobProgress = (
  id: number | null,
  onDone?: (job: GetImport.Response['data']) => void
) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const query = useImportJob(id);
  // The previous job's answer stays while the next one loads: only this id's counts.
  const job = query.data?.data.id === id ? query.data?.data : undefined;
  const active = Boolean(job && isActive(job));
  usePolling(query.reload, {
    active: active && !query.error,
    isFetching: query.isFetching,
    ms: 1000,
  });

  const watched = useRef<number | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  /** Call with a job's id as soon as it was queued here, so its end is reported. */
  const expect = useCallback((jobId: number) => {
    watched.current = jobId;
  }, []);

  useEffect(() => {
    if (!job) return;
    if (active) {
      watched.current = job.id;
      return;
    }
    if (watched.current !== job.id) return;
    watched.current = null;
    toggleNotification(
      job.status === 'completed'
        ? {
            type: 'success',
            message: t(job.dryRun ? 'import.notify.dryRunDone' : 'import.notify.done', {
              created: job.created,
              updated: job.updated,
              failed: job.failed,
            }),
          }
        : { type: 'danger', message: t('import.notify.failed', { error: job.error ?? '' }) }
    );
    done.current?.(job);
  }, [job, active, t, toggleNotification]);

  return { ...query, job, active, expect };
};
