import { useTheme } from 'styled-components';

interface BarMeterProps {
  value: number;
  /** The value that fills the whole bar (e.g. the largest in a list). */
  max: number;
  /** What the bar shows, in words: its hover title. */
  title: string;
  width?: string;
}

/**
 * A single bar as long as `value` is against `max`, drawn beside a number that already says it
 * (so it is hidden from screen readers); a value above zero always shows a sliver.
 */
export const BarMeter = ({ value, max, title, width = '12rem' }: BarMeterProps) => {
  const colors = useTheme().colors;
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const length = value > 0 ? Math.max(2, share * 100) : 0;
  return (
    <svg
      aria-hidden
      focusable="false"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      style={{ width, height: '0.8rem', display: 'block', borderRadius: 4 }}
    >
      <title>{title}</title>
      <rect x={0} y={0} width={100} height={8} fill={colors.neutral150} />
      <rect x={0} y={0} width={length} height={8} fill={colors.primary500} />
    </svg>
  );
};
