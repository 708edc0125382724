import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useT } from '../../hooks/useT';
import { BarMeter } from '../Charts/BarMeter';

interface MemberBarProps {
  count: number;
  /** The largest segment's count: the bar's full width. */
  max: number;
}

/**
 * A member count with a small bar beside it, as long as the count is against the largest
 * segment, so the list reads as a picture of customers per segment. The bar is decoration; the
 * number says it all to screen readers.
 */
export const MemberBar = ({ count, max }: MemberBarProps) => {
  const t = useT();
  const { formatNumber } = useIntl();
  return (
    <Flex gap={3}>
      <Box minWidth="6rem">
        <Typography textColor="neutral800" fontWeight="semiBold">
          {formatNumber(count)}
        </Typography>
      </Box>
      <BarMeter
        value={count}
        max={max}
        title={t('segments.chart.bar', { count, max: formatNumber(max) })}
      />
    </Flex>
  );
};
