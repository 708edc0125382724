import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

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
  const { formatNumber } = useIntl();
  const share = max > 0 ? count / max : 0;
  return (
    <Flex gap={3}>
      <Box minWidth="6rem">
        <Typography textColor="neutral800" fontWeight="semiBold">
          {formatNumber(count)}
        </Typography>
      </Box>
      <Box
        aria-hidden
        background="neutral150"
        hasRadius
        width="12rem"
        height="0.8rem"
        overflow="hidden"
      >
        <Box
          background="primary500"
          height="100%"
          style={{ width: `${Math.max(count > 0 ? 2 : 0, share * 100)}%` }}
        />
      </Box>
    </Flex>
  );
};
