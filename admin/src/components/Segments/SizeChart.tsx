import { Box } from '@strapi/design-system';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import { useT } from '../../hooks/useT';
import { scaleSeries, type SizePoint } from '../../utils/chartScale';

const BOX = { width: 640, height: 240, left: 56, right: 16, top: 16, bottom: 32 };

/**
 * "Size over time": the member count at each recompute as a line, drawn as plain SVG (no chart
 * library). Its title and description say in words what the line shows.
 */
export const SizeChart = ({ series }: { series: SizePoint[] }) => {
  const t = useT();
  const { formatNumber, formatDate } = useIntl();
  const theme = useTheme();
  const id = useId();
  const { points, path, yTicks } = scaleSeries(series, BOX);
  const first = points[0];
  const last = points[points.length - 1];
  const day = (at: string) => formatDate(at, { dateStyle: 'medium' });
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  const highest = Math.max(...series.map((p) => p.memberCount));
  // Points of one day are told apart by their time.
  const axis = day(first.computedAt) === day(last.computedAt) ? when : day;
  const colors = theme.colors;

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: '80rem', display: 'block', fontFamily: 'inherit' }}
      >
        <title id={`${id}-title`}>{t('history.chartTitle')}</title>
        <desc id={`${id}-desc`}>
          {t('history.chartDescription', {
            count: series.length,
            first: formatNumber(first.memberCount),
            firstDate: day(first.computedAt),
            last: formatNumber(last.memberCount),
            lastDate: day(last.computedAt),
            highest: formatNumber(highest),
          })}
        </desc>
        {yTicks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={BOX.left}
              x2={BOX.width - BOX.right}
              y1={tick.y}
              y2={tick.y}
              stroke={colors.neutral200}
              strokeDasharray={tick.value === 0 ? undefined : '4 4'}
            />
            <text
              x={BOX.left - 8}
              y={tick.y + 4}
              textAnchor="end"
              fontSize="12"
              fill={colors.neutral600}
            >
              {formatNumber(tick.value, { notation: 'compact' })}
            </text>
          </g>
        ))}
        <text x={BOX.left} y={BOX.height - 8} fontSize="12" fill={colors.neutral600}>
          {axis(first.computedAt)}
        </text>
        {points.length > 1 && (
          <text
            x={BOX.width - BOX.right}
            y={BOX.height - 8}
            textAnchor="end"
            fontSize="12"
            fill={colors.neutral600}
          >
            {axis(last.computedAt)}
          </text>
        )}
        <path
          d={path}
          fill="none"
          stroke={colors.primary600}
          strokeWidth={2}
          strokeLinejoin="round"
        />
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={points.length > 60 ? 2 : 4} fill={colors.primary600}>
            <title>{t('history.point', { count: p.memberCount, when: when(p.computedAt) })}</title>
          </circle>
        ))}
      </svg>
    </Box>
  );
};
