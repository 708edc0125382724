import { useId } from 'react';
import { useTheme } from 'styled-components';
import { FiguresTable } from './FiguresTable';

export interface StackedBarPart {
  key: string;
  label: string;
  value: number;
  /** A design-system colour name, e.g. success500. */
  color: string;
}

interface StackedBarProps {
  /** Says in words what the bar shows; the SVG's title and accessible name. */
  title: string;
  parts: StackedBarPart[];
  formatValue: (value: number) => string;
  /**
   * Headers of a screen-reader table of the figures; leave out where the numbers are already
   * shown as text beside the bar.
   */
  columns?: [string, string];
}

const WIDTH = 1000;
const HEIGHT = 20;

/**
 * One horizontal bar split by share, as plain SVG (no chart library): how a whole divides into
 * parts. The title says it in words, each part carries its own <title> (shown on hover), and
 * the figures can also be given as a table for screen readers.
 */
export const StackedBar = ({ title, parts, formatValue, columns }: StackedBarProps) => {
  const id = useId();
  const colors = useTheme().colors as unknown as Record<string, string>;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let x = 0;
  return (
    <>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height="12"
        role="img"
        aria-labelledby={`${id}-title`}
        style={{ display: 'block', borderRadius: 4, background: colors.neutral150 }}
      >
        <title id={`${id}-title`}>{title}</title>
        {total > 0 &&
          parts
            .filter((part) => part.value > 0)
            .map((part) => {
              const width = (part.value / total) * WIDTH;
              const rect = (
                <rect
                  key={part.key}
                  x={x}
                  y={0}
                  width={width}
                  height={HEIGHT}
                  fill={colors[part.color]}
                >
                  <title>{`${part.label}: ${formatValue(part.value)}`}</title>
                </rect>
              );
              x += width;
              return rect;
            })}
      </svg>
      {columns && (
        <FiguresTable
          caption={title}
          columns={columns}
          rows={parts.map((part) => ({ label: part.label, value: formatValue(part.value) }))}
        />
      )}
    </>
  );
};
