import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RetentionRun } from '../../../../contracts/retention';
import { useT } from '../../hooks/useT';
import { ProfileCard } from '../Profile/ProfileCard';

/** The last runs of the retention job: when, what, how many, and what started it. */
export const RetentionRuns = ({ runs }: { runs: RetentionRun[] }) => {
  const t = useT();
  const { formatDate, formatNumber } = useIntl();
  return (
    <ProfileCard title={t('retention.runs')}>
      {runs.length === 0 ? (
        <Typography textColor="neutral600">{t('retention.runs.none')}</Typography>
      ) : (
        <Table colCount={4} rowCount={runs.length + 1}>
          <Thead>
            <Tr>
              <Th>{t('retention.runs.when')}</Th>
              <Th>{t('retention.action')}</Th>
              <Th>{t('retention.runs.count')}</Th>
              <Th>{t('retention.runs.trigger')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {runs.map((run) => (
              <Tr key={`${run.ranAt}-${run.trigger}`}>
                <Td>
                  <Typography textColor="neutral800">
                    {formatDate(run.ranAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">
                    {t(`retention.action.${run.action}`)}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatNumber(run.count)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">
                    {t(`retention.trigger.${run.trigger}`)}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </ProfileCard>
  );
};
