import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { GetImport } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { useImportApi } from '../../services/imports';
import { apiErrorMessage } from '../../utils/apiErrors';
import { fileSizeParts, isActive } from '../../utils/importProgress';
import { Notice } from '../Notice';
import { RelativeTime } from '../RelativeTime';
import { CountsBar } from './CountsBar';
import { DryRunRows } from './DryRunRows';
import { ErrorRows } from './ErrorRows';
import { ImportStatusBadge } from './ImportStatusBadge';
import { JobProgress } from './JobProgress';

type Job = GetImport.Response['data'];

/**
 * One import: what file, who and when; while it runs, its progress; once it ended, the report
 * (counts as numbers and as a bar, unknown columns, the first errors and the full error file,
 * and for a dry run what each row would do).
 */
export const ImportReport = ({ job }: { job: Job }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useImportApi();
  const size = fileSizeParts(job.fileSize);

  const downloadErrors = async () => {
    try {
      await api.downloadErrors(job.id);
    } catch (failure) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Flex gap={3} wrap="wrap">
        <ImportStatusBadge job={job} />
        <Typography textColor="neutral800" fontWeight="semiBold">
          {job.fileName}
        </Typography>
        <Typography textColor="neutral600">
          {formatNumber(size.value, { style: 'unit', unit: size.unit, unitDisplay: 'short' })}
          {' · '}
          {job.createdBy ? t('import.by', { who: job.createdBy }) : null}{' '}
          <RelativeTime value={job.createdAt} />
        </Typography>
      </Flex>
      {job.dryRun && <Typography textColor="neutral600">{t('import.dryRun.explain')}</Typography>}
      {isActive(job) && <JobProgress job={job} />}
      {job.status === 'failed' && (
        <Notice variant="danger" title={t('import.failed.title')}>
          {job.error ?? t('notification.error')}
        </Notice>
      )}
      {!job.dryRun && !job.emailReport && (
        <Notice variant="warning" title={t('import.noEmail.title')}>
          {t('import.noEmail')}
        </Notice>
      )}
      {job.unknownColumns.length > 0 && (
        <Notice variant="warning" title={t('import.unknownColumns.title')}>
          {t('import.unknownColumns', { columns: job.unknownColumns.join(', ') })}
        </Notice>
      )}
      {!isActive(job) && <CountsBar counts={job} dryRun={job.dryRun} />}
      {job.firstErrors.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Typography tag="h3" variant="delta">
              {t('import.errors.title', { count: job.failed })}
            </Typography>
            <Button variant="secondary" size="S" startIcon={<Download />} onClick={downloadErrors}>
              {t('import.errors.download')}
            </Button>
          </Flex>
          {job.failed > job.firstErrors.length && (
            <Typography variant="pi" textColor="neutral600">
              {t('import.errors.first', { shown: job.firstErrors.length })}
            </Typography>
          )}
          <ErrorRows errors={job.firstErrors} />
        </Flex>
      )}
      {job.rows && job.rows.length > 0 && (
        <Box>
          <Typography tag="h3" variant="delta">
            {t('import.rows.title')}
          </Typography>
          <Box paddingTop={3}>
            <DryRunRows rows={job.rows} />
          </Box>
        </Box>
      )}
    </Flex>
  );
};
