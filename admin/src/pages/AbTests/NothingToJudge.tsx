import type { AbTest, AbVariantResult } from '../../../../contracts/ab-tests';
import { Box, Typography } from '@strapi/design-system';
import { useT } from '../../hooks/useT';

/**
 * What an A/B test without visitors on both variants is missing, instead of a probability and
 * intervals computed from nothing (50% and 2.5–97.5% say nothing).
 */
export const NothingToJudge = ({
  test,
  variants,
}: {
  test: AbTest;
  variants: AbVariantResult[];
}) => {
  const t = useT();
  const unseen = variants.filter((v) => v.exposures === 0).map((v) => v.variant);
  const why =
    test.status !== 'running'
      ? t('abTests.early.notRunning')
      : unseen.length === variants.length
        ? t('abTests.early.noVisitors')
        : t('abTests.early.oneUnseen', { variant: unseen[0] });
  return (
    <Box background="primary100" borderColor="primary200" hasRadius padding={4} role="status">
      <Typography tag="p" fontWeight="bold" textColor="neutral800">
        {t('abTests.early.title')}
      </Typography>
      <Typography tag="p" textColor="neutral800">
        {why}
      </Typography>
    </Box>
  );
};

/** Whether every variant has been shown to someone: only then are there results to judge. */
export const hasResults = (variants: AbVariantResult[]) => variants.every((v) => v.exposures > 0);
