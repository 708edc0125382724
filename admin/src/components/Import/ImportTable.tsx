import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { ImportJob } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { isActive, progressPercent } from '../../utils/importProgress';
import { paths } from '../../utils/paths';
import { RelativeTime } from '../RelativeTime';
import { ImportStatusBadge } from './ImportStatusBadge';
import { HeaderRow } from '../HeaderRow';
import { RowLink } from '../RowLink';

/** Past and running imports: file, status, who started it, when, and the counts. */
export const ImportTable = ({ jobs }: { jobs: ImportJob[] }) => {
  const t = useT();
  const navigate = useNavigate();
  const { formatNumber } = useIntl();
  return (
    <Table colCount={5} rowCount={jobs.length + 1}>
      <HeaderRow
        labels={[
          t('imports.column.file'),
          t('imports.column.status'),
          t('imports.column.by'),
          t('imports.column.when'),
          t('imports.column.counts'),
        ]}
      />
      <Tbody>
        {jobs.map((job) => (
          <Tr key={job.id} cursor="pointer" onClick={() => navigate(paths.importJob(job.id))}>
            <Td>
              <RowLink to={paths.importJob(job.id)}>{job.fileName}</RowLink>
            </Td>
            <Td>
              <ImportStatusBadge job={job} />
            </Td>
            <Td>
              <Typography textColor="neutral800">{job.createdBy ?? '-'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                <RelativeTime value={job.createdAt} />
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {isActive(job)
                  ? t('imports.running', {
                      percent: progressPercent(job),
                      done: formatNumber(job.rowsDone),
                    })
                  : t('imports.counts', {
                      created: formatNumber(job.created),
                      updated: formatNumber(job.updated),
                      unchanged: formatNumber(job.unchanged),
                      failed: formatNumber(job.failed),
                    })}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
