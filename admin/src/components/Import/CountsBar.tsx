import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportCounts } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { countShares, type CountKey } from '../../utils/importProgress';
import { StackedBar } from '../Charts/StackedBar';

const COLOR: Record<CountKey, 'success500' | 'primary500' | 'neutral400' | 'danger500'> = {
  created: 'success500',
  updated: 'primary500',
  unchanged: 'neutral400',
  failed: 'danger500',
};

/**
 * The report's counts as numbers and as one horizontal bar split by share (created, updated,
 * unchanged, failed), whose title says the outcome in one sentence.
 */
export const CountsBar = ({ counts, dryRun }: { counts: ImportCounts; dryRun: boolean }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const shares = countShares(counts);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex tag="dl" gap={6} wrap="wrap" style={{ margin: 0 }}>
        {shares.map(({ key, value }) => (
          <Flex key={key} direction="column" alignItems="flex-start" gap={1}>
            <Flex tag="dt" gap={2}>
              <Box aria-hidden background={COLOR[key]} width="1rem" height="1rem" hasRadius />
              <Typography variant="sigma" textColor="neutral600">
                {t(dryRun ? `import.countWould.${key}` : `import.count.${key}`)}
              </Typography>
            </Flex>
            <Typography tag="dd" variant="beta" style={{ margin: 0 }}>
              {formatNumber(value)}
            </Typography>
          </Flex>
        ))}
      </Flex>
      <StackedBar
        title={t(dryRun ? 'import.chart.titleWould' : 'import.chart.title', {
          created: formatNumber(counts.created),
          updated: formatNumber(counts.updated),
          unchanged: formatNumber(counts.unchanged),
          failed: formatNumber(counts.failed),
        })}
        parts={shares.map(({ key, value }) => ({
          key,
          value,
          color: COLOR[key],
          label: t(dryRun ? `import.countWould.${key}` : `import.count.${key}`),
        }))}
        formatValue={(value) => formatNumber(value)}
      />
    </Flex>
  );
};
