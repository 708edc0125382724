import { Box } from '@strapi/design-system';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import { scaleSeries } from '../../utils/chartScale';
import { FiguresTable } from './FiguresTable';

export interface LinePoint {
  /** An ISO date-time: the x axis. */
  at: string;
  value: number;
}

interface LineChartProps {
  series: LinePoint[];
  title: string;
  /** The line in words (first, last, highest), read with the title. */
  description: string;
  /** A point's hover title, e.g. "120 members on 3 Jan 2025, 10:00". */
  pointTitle: (point: LinePoint, when: string) => string;
  /** Headers of the screen-reader table of figures. */
  columns: [string, string];
}

const BOX = { width: 640, height: 240, left: 56, right: 16, top: 16, bottom: 32 };

/**
 * A value over time as a line with dots, drawn as plain SVG (no chart library): y from 0 to a
 * round ceiling, x by time. Its title and description say in words what the line shows, and a
 * table only screen readers see lists every point.
 */
export const LineChart = ({ series, title, description, pointTitle, columns }: LineChartProps) => {
  const { formatNumber, formatDate } = useIntl();
  const colors = useTheme().colors;
  const id = useId();
  const { points, path, yTicks } = scaleSeries(
    series.map((p) => ({ computedAt: p.at, memberCount: p.value })),
    BOX
  );
  const first = series[0];
  const last = series[series.length - 1];
  const day = (at: string) => formatDate(at, { dateStyle: 'medium' });
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  // Points of one day are told apart by their time.
  const axis = day(first.at) === day(last.at) ? when : day;

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: '80rem', display: 'block', fontFamily: 'inherit' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {/* Counts are whole numbers: a small ceiling gets no 0.25 gridlines. */}
        {yTicks
          .filter((tick) => Number.isInteger(tick.value))
          .map((tick) => (
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
          {axis(first.at)}
        </text>
        {points.length > 1 && (
          <text
            x={BOX.width - BOX.right}
            y={BOX.height - 8}
            textAnchor="end"
            fontSize="12"
            fill={colors.neutral600}
          >
            {axis(last.at)}
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
            <title>{pointTitle(series[i], when(series[i].at))}</title>
          </circle>
        ))}
      </svg>
      <FiguresTable
        caption={title}
        columns={columns}
        rows={series.map((p) => ({ label: when(p.at), value: formatNumber(p.value) }))}
      />
    </Box>
  );
};
