import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import type { CustomerListFilters } from '../../../../contracts/customer-list';
import type { ExportField, ExportJob } from '../../../../contracts/exports';
import { useT } from '../../hooks/useT';
import { Notice } from '../Notice';
import { Progress } from '../Progress';
import { ExportForm } from './ExportForm';
import {
  DEFAULT_EXPORT_FIELDS,
  exportPercent,
  initialScope,
  isExportRunning,
  scopeRequest,
  type ExportScope,
} from './exportOptions';
import { useExportCount } from './useExportCount';

interface ExportModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The job this list follows (undefined: none yet, choose what to export). */
  job?: ExportJob;
  starting: boolean;
  onStart: (fields: Set<ExportField>, scope: ExportScope) => void;
  onDownload: () => void;
  /** Forget the followed job, to start another export. */
  onAnother: () => void;
  /** The list's search and filters, as the API takes them. */
  filters: CustomerListFilters;
  filtered: boolean;
  /** The rows picked one by one (empty: none). */
  selectedIds: string[];
  total: number;
}

/** "Export customers": choose columns and customers, follow the job, download the CSV. */
export const ExportModal = (props: ExportModalProps) => {
  const { open, onOpenChange, job, starting, onStart, onDownload, onAnother } = props;
  const t = useT();
  const [fields, setFields] = useState(() => new Set<ExportField>(DEFAULT_EXPORT_FIELDS));
  const selectedCount = props.selectedIds.length;
  const [scope, setScope] = useState<ExportScope>(() =>
    initialScope(selectedCount, props.filtered)
  );
  const [error, setError] = useState<string>();
  const usable = scope === 'all' || (scope === 'filtered' ? props.filtered : selectedCount > 0);
  const rows = useExportCount(
    scopeRequest(usable ? scope : 'all', props.filters, props.selectedIds)
  );

  const start = () => {
    if (fields.size === 0) return setError(t('export.fields.none'));
    setError(undefined);
    onStart(fields, usable ? scope : 'all');
  };

  const running = isExportRunning(job);
  const percent = job ? exportPercent(job) : null;
  const body = !job ? (
    <ExportForm
      fields={fields}
      onFields={setFields}
      scope={usable ? scope : 'all'}
      onScope={setScope}
      filtered={props.filtered}
      selectedCount={selectedCount}
      total={props.total}
      rows={rows}
      error={error}
    />
  ) : job.status === 'failed' || job.status === 'expired' ? (
    <Notice variant="danger" title={t(`export.status.${job.status}`)}>
      {job.error ?? t('notification.error')}
    </Notice>
  ) : (
    <Flex direction="column" alignItems="stretch" gap={3} role="status">
      <Typography textColor="neutral800">
        {!running
          ? t('export.ready', { count: job.rowsDone })
          : job.rowsTotal === null
            ? t('export.starting')
            : t('export.progress', { done: job.rowsDone, total: job.rowsTotal })}
      </Typography>
      <Progress value={running ? percent : 100} label={t('export.progress.label')} />
    </Flex>
  );

  return (
    <Modal.Root open={open} onOpenChange={onOpenChange}>
      <Modal.Content style={{ maxWidth: '72rem', width: '92vw' }}>
        <Modal.Header closeLabel={t('import.close')}>
          <Modal.Title>{t('export.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>{body}</Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={() => onOpenChange(false)}>
            {job && running ? t('import.hide') : job ? t('import.close') : t('form.cancel')}
          </Button>
          {!job ? (
            <Button startIcon={<Download />} loading={starting} onClick={start}>
              {t('export.start')}
            </Button>
          ) : running ? null : (
            <Flex gap={2}>
              <Button variant="secondary" onClick={onAnother}>
                {t('export.another')}
              </Button>
              {job.status === 'completed' && (
                <Button startIcon={<Download />} onClick={onDownload}>
                  {t('export.download')}
                </Button>
              )}
            </Flex>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
