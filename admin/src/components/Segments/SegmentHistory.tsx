import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { useIntl } from 'react-intl';
import { useT } from '../../hooks/useT';
import { useSegmentHistory } from '../../services/segments';
import { SizeChart } from './SizeChart';

/** The "Size over time" tab: the chart of the recorded recomputes, and how long the last took. */
export const SegmentHistory = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { data, error, isLoading } = useSegmentHistory(documentId);
  const series = data?.data ?? [];
  if (isLoading) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('history.loading')}</Loader>
      </Flex>
    );
  }
  if (error && !data) {
    return (
      <Typography textColor="danger600" role="alert">
        {t('history.error')}
      </Typography>
    );
  }
  if (series.length === 0) {
    return (
      <Box background="neutral0" shadow="filterShadow" hasRadius>
        <EmptyStateLayout icon={<EmptyDocuments width="16rem" />} content={t('history.empty')} />
      </Box>
    );
  }
  const last = series[series.length - 1];
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <SizeChart series={series} />
      <Typography variant="pi" textColor="neutral600">
        {t('history.summary', {
          count: series.length,
          duration: formatNumber(last.durationMs / 1000, { maximumFractionDigits: 2 }),
        })}
      </Typography>
    </Flex>
  );
};
