import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportCounts } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { countShares, type CountKey } from '../../utils/importProgress';

const COLOR: Record<CountKey, 'success500' | 'primary500' | 'neutral400' | 'danger500'> = {
  created: 'success500',
  updated: 'primary500',
  unchanged: 'neutral400',
  failed: 'danger500',
};

/**
 * The report's counts as numbers and as one horizontal bar split by share (created, updated,
 * unchanged, failed). The bar is a picture of the numbers beside it, so it is hidden from
 * screen readers, which read the numbers.
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
      <Flex aria-hidden height="1.2rem" hasRadius overflow="hidden" background="neutral150">
        {shares
          .filter((s) => s.share > 0)
          .map(({ key, share }) => (
            <Box
              key={key}
              background={COLOR[key]}
              height="100%"
              style={{ width: `${share * 100}%` }}
            />
          ))}
      </Flex>
    </Flex>
  );
};
