/** Scaling for the "Size over time" line chart: data to SVG coordinates, and the y-axis ticks. */

export interface SizePoint {
  computedAt: string;
  memberCount: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room left of the plot for the y-axis labels, and around it. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlottedPoint extends SizePoint {
  x: number;
  y: number;
}

/** A round number at or above `max` (1, 2, 2.5 or 5 times a power of ten), at least 1. */
export const niceCeiling = (max: number): number => {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
};

/** `count + 1` evenly spaced ticks from 0 to `top`. */
export const ticks = (top: number, count = 4): number[] =>
  Array.from({ length: count + 1 }, (_, i) => (top * i) / count);

/**
 * The points placed in the box: x by time (evenly by index when all share one instant), y by
 * member count from 0 up to a round ceiling; and the SVG path that joins them.
 */
export const scaleSeries = (series: SizePoint[], box: ChartBox) => {
  const top = niceCeiling(Math.max(0, ...series.map((p) => p.memberCount)));
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const times = series.map((p) => Date.parse(p.computedAt));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const xOf = (i: number) => {
    if (series.length === 1) return box.left + plotWidth / 2;
    const share = span > 0 ? (times[i] - first) / span : i / (series.length - 1);
    return box.left + share * plotWidth;
  };
  const yOf = (value: number) => box.top + plotHeight - (value / top) * plotHeight;
  const points: PlottedPoint[] = series.map((p, i) => ({ ...p, x: xOf(i), y: yOf(p.memberCount) }));
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
  return { points, path, top, yTicks: ticks(top).map((value) => ({ value, y: yOf(value) })) };
};
