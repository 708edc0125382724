import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import type { CustomerListFilters } from '../../../../contracts/customer-list';
import type { ExportField } from '../../../../contracts/exports';
import { useExportPermissions } from '../../hooks/usePermissions';
import { usePolling } from '../../hooks/usePolling';
import { useT } from '../../hooks/useT';
import { useExportApi, useExportJob } from '../../services/exports';
import { apiErrorMessage } from '../../utils/apiErrors';
import { ExportModal } from './ExportModal';
import {
  exportPercent,
  isExportRunning,
  orderedFields,
  scopeRequest,
  type ExportScope,
} from './exportOptions';

interface ExportCustomersProps {
  /** The list's search and filters, as the API takes them. */
  filters: CustomerListFilters;
  filtered: boolean;
  /** The rows picked one by one (empty: none). */
  selectedIds: string[];
  total: number;
}

/**
 * The "Export" button of the customer list (customers.bulk-export only) and its modal. The job
 * runs on the server; it is polled every second until it ends, then a notification says so.
 */
export const ExportCustomers = ({
  filters,
  filtered,
  selectedIds,
  total,
}: ExportCustomersProps) => {
  const t = useT();
  const { canExport } = useExportPermissions();
  const api = useExportApi();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const { data, isFetching, reload } = useExportJob(jobId);
  const job = jobId !== null && data?.data.id === jobId ? data.data : undefined;
  const running = isExportRunning(job);
  usePolling(reload, { active: running, isFetching, ms: 1000 });

  // Say so once when the followed job ends.
  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (!job || running || announced.current === job.id) return;
    announced.current = job.id;
    toggleNotification(
      job.status === 'completed'
        ? { type: 'success', message: t('export.notify.ready', { count: job.rowsDone }) }
        : { type: 'danger', message: job.error ?? t(`export.status.${job.status}`) }
    );
  }, [job, running, t, toggleNotification]);

  if (!canExport) return null;
  const fail = (failure: unknown) =>
    toggleNotification({
      type: 'danger',
      message: apiErrorMessage(failure) ?? t('notification.error'),
    });

  const start = async (fields: Set<ExportField>, scope: ExportScope) => {
    setStarting(true);
    try {
      const queued = await api.start({
        fields: orderedFields(fields),
        ...scopeRequest(scope, filters, selectedIds),
      });
      setJobId(queued.id);
    } catch (failure) {
      fail(failure);
    } finally {
      setStarting(false);
    }
  };

  const percent = job ? exportPercent(job) : null;
  return (
    <>
      <Button variant="secondary" startIcon={<Download />} onClick={() => setOpen(true)}>
        {running && percent !== null ? t('export.button.running', { percent }) : t('export.button')}
      </Button>
      {open && (
        <ExportModal
          open={open}
          onOpenChange={setOpen}
          job={job}
          starting={starting}
          onStart={start}
          onDownload={() => job && api.download(job.id).catch(fail)}
          onAnother={() => setJobId(null)}
          filters={filters}
          filtered={filtered}
          selectedIds={selectedIds}
          total={total}
        />
      )}
    </>
  );
};
