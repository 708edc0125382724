import { Button } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useEffect, useState } from 'react';
import type { GetImport } from '../../../../contracts/imports';
import { useActiveImport } from '../../hooks/useActiveImport';
import { useImportJobProgress } from '../../hooks/useImportJobProgress';
import { useImportPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { apiErrorStatus } from '../../utils/apiErrors';
import { isActive, progressPercent } from '../../utils/importProgress';
import { ImportModal } from './ImportModal';

interface ImportCustomersProps {
  /** Called when an import followed here ends (e.g. to reload a list). */
  onDone?: (job: GetImport.Response['data']) => void;
}

/**
 * The "Import customers" button and its modal, shown only with the customers.import
 * permission. While an import runs, the button says how far it is and reopens its progress,
 * also after a reload; once it ended, it offers the report until that is closed.
 */
export const ImportCustomers = ({ onDone }: ImportCustomersProps) => {
  const t = useT();
  const { canImport } = useImportPermissions();
  const [activeId, setActiveId] = useActiveImport();
  const [open, setOpen] = useState(false);
  const progress = useImportJobProgress(canImport ? activeId : null, onDone);
  const { job } = progress;

  // A job that no longer exists (a fresh database, another environment) is forgotten.
  const gone = apiErrorStatus(progress.error) === 404;
  useEffect(() => {
    if (gone) setActiveId(null);
  }, [gone, setActiveId]);
  if (!canImport) return null;

  const label =
    job && isActive(job)
      ? t('import.button.running', { percent: progressPercent(job) })
      : job
        ? t('import.button.done')
        : t('import.button');

  return (
    <>
      <Button variant="secondary" startIcon={<Upload />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ImportModal
        open={open}
        onOpenChange={setOpen}
        jobId={activeId}
        job={job}
        onJob={(id) => {
          if (id !== null) progress.expect(id);
          setActiveId(id);
        }}
      />
    </>
  );
};
