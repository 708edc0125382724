import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportJob } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { progressPercent, splitDuration } from '../../utils/importProgress';
import { Progress } from '../Progress';

/**
 * A running job: a progress bar (rows done of the estimated total), the speed and the time
 * left. Announced politely, so screen readers hear it move without being interrupted.
 */
export const JobProgress = ({ job }: { job: ImportJob }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const percent = progressPercent(job);
  const eta = job.etaSeconds !== null ? splitDuration(job.etaSeconds) : null;

  if (job.status === 'queued') {
    return (
      <Flex direction="column" alignItems="stretch" gap={2} role="status">
        <Progress value={null} label={t('import.progress.label')} />
        <Typography textColor="neutral600">{t('import.progress.queued')}</Typography>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Progress value={percent} label={t('import.progress.label')} />
      <Flex justifyContent="space-between" gap={4} wrap="wrap" role="status" aria-live="polite">
        <Typography textColor="neutral800" fontWeight="semiBold">
          {job.rowsTotal
            ? t('import.progress.rows', {
                done: formatNumber(job.rowsDone),
                total: formatNumber(job.rowsTotal),
                percent,
              })
            : t('import.progress.rowsOnly', { done: formatNumber(job.rowsDone) })}
        </Typography>
        <Typography textColor="neutral600">
          {[
            job.rowsPerSecond !== null
              ? t('import.progress.speed', { speed: formatNumber(Math.round(job.rowsPerSecond)) })
              : null,
            eta
              ? eta.hours > 0
                ? t('import.progress.etaHours', eta)
                : eta.minutes > 0
                  ? t('import.progress.eta', eta)
                  : t('import.progress.etaSeconds', eta)
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Flex>
    </Flex>
  );
};
