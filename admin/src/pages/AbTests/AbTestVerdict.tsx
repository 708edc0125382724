import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AbTestResults } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';

/** P(B beats A) in words, and whether it is significant at 95% and for which variant. */
export const AbTestVerdict = ({ results }: { results: AbTestResults }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const p = results.probabilityBBeatsA;
  // Rounding would show 100% or 0%, a certainty the estimate never has.
  const percent = (value: number) =>
    formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  const exposed = results.variants.every((v) => v.exposures > 0);
  const verdict = !exposed
    ? t('abTests.verdict.noData')
    : results.significant
      ? t('abTests.verdict.significant', { winner: p >= 0.5 ? 'B' : 'A' })
      : t('abTests.verdict.notYet');
  return (
    <Box
      background={results.significant ? 'success100' : 'neutral0'}
      borderColor={results.significant ? 'success200' : 'neutral150'}
      hasRadius
      padding={4}
      role="status"
    >
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega" textColor="neutral600">
          {t('abTests.probability')}
        </Typography>
        <Typography variant="alpha" tag="p">
          {p > 0.999 ? `> ${percent(0.999)}` : p < 0.001 ? `< ${percent(0.001)}` : percent(p)}
        </Typography>
        <Typography textColor="neutral800">{verdict}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('abTests.probabilityHint')}
        </Typography>
      </Flex>
    </Box>
  );
};
