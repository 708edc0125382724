import { Box } from '@strapi/design-system';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import type { AbVariantResult } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';
import { scaleRates } from './rateChartScale';

const BOX = { width: 640, left: 48, right: 24, top: 8, bottom: 28, rowHeight: 56 };

/**
 * Conversion rate per variant as horizontal bars, each with a whisker over its 95% credible
 * interval; plain SVG like the segment size chart. The description says it in words.
 */
export const RateChart = ({ variants }: { variants: AbVariantResult[] }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const colors = useTheme().colors;
  const id = useId();
  const { height, bars, ticks, axisY } = scaleRates(variants, BOX);
  const percent = (value: number) =>
    formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  const fill = { A: colors.primary600, B: colors.success600 } as Record<string, string>;

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
      <svg
        viewBox={`0 0 ${BOX.width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: '80rem', display: 'block', fontFamily: 'inherit' }}
      >
        <title id={`${id}-title`}>{t('abTests.chart.title')}</title>
        <desc id={`${id}-desc`}>
          {variants
            .map((v) =>
              t('abTests.chart.variant', {
                variant: v.variant,
                rate: percent(v.rate),
                low: percent(v.interval[0]),
                high: percent(v.interval[1]),
              })
            )
            .join(' ')}
        </desc>
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={BOX.top}
              y2={axisY}
              stroke={colors.neutral200}
              strokeDasharray={tick.value === 0 ? undefined : '4 4'}
            />
            <text
              x={tick.x}
              y={axisY + 18}
              textAnchor="middle"
              fontSize="12"
              fill={colors.neutral600}
            >
              {percent(tick.value)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => (
          <g key={bar.variant}>
            <text
              x={BOX.left - 12}
              y={bar.middle + 5}
              textAnchor="end"
              fontSize="14"
              fontWeight="bold"
              fill={colors.neutral800}
            >
              {bar.variant}
            </text>
            <rect
              x={bar.x0}
              y={bar.y}
              width={Math.max(0, bar.x - bar.x0)}
              height={bar.barHeight}
              rx={2}
              fill={fill[bar.variant] ?? colors.primary600}
              opacity={0.75}
            >
              <title>
                {t('abTests.chart.variant', {
                  variant: bar.variant,
                  rate: percent(variants[i].rate),
                  low: percent(variants[i].interval[0]),
                  high: percent(variants[i].interval[1]),
                })}
              </title>
            </rect>
            <g stroke={colors.neutral800} strokeWidth={2}>
              <line x1={bar.low} x2={bar.high} y1={bar.middle} y2={bar.middle} />
              <line x1={bar.low} x2={bar.low} y1={bar.middle - 8} y2={bar.middle + 8} />
              <line x1={bar.high} x2={bar.high} y1={bar.middle - 8} y2={bar.middle + 8} />
            </g>
          </g>
        ))}
      </svg>
    </Box>
  );
};
