import { Badge } from '@strapi/design-system';
import type { ImportJob } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';

const VARIANT = {
  queued: 'neutral',
  running: 'primary',
  completed: 'success',
  failed: 'danger',
} as const;

/** Queued, running, completed or failed; "dry run" added for checks that write nothing. */
export const ImportStatusBadge = ({ job }: { job: Pick<ImportJob, 'status' | 'dryRun'> }) => {
  const t = useT();
  return (
    <Badge variant={VARIANT[job.status]}>
      {job.dryRun
        ? t('import.status.dryRun', { status: t(`import.status.${job.status}`) })
        : t(`import.status.${job.status}`)}
    </Badge>
  );
};
