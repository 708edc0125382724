/** Geometry of the conversion-rate chart: one horizontal bar per variant with its interval. */

export interface RateBox {
  width: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  rowHeight: number;
}

export interface RateInput {
  variant: string;
  rate: number;
  interval: [number, number];
}

const NICE_MAXIMA = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1];

/** The smallest round rate at or above `value`, so the axis ends on a readable percentage. */
export const niceRateMax = (value: number) => NICE_MAXIMA.find((m) => m >= value - 1e-12) ?? 1;

/** Positions of the bars, whiskers and axis ticks for the given variants. */
export const scaleRates = (rows: RateInput[], box: RateBox) => {
  const max = niceRateMax(
    Math.max(0, ...rows.map((r) => r.interval[1]), ...rows.map((r) => r.rate))
  );
  const plot = box.width - box.left - box.right;
  // Tenths of a pixel: enough for SVG, and free of floating-point noise.
  const x = (value: number) =>
    Math.round((box.left + (Math.min(value, max) / max) * plot) * 10) / 10;
  const height = box.top + rows.length * box.rowHeight + box.bottom;
  const bars = rows.map((row, i) => {
    const top = box.top + i * box.rowHeight;
    return {
      variant: row.variant,
      y: top + box.rowHeight * 0.2,
      barHeight: box.rowHeight * 0.6,
      middle: top + box.rowHeight / 2,
      x0: x(0),
      x: x(row.rate),
      low: x(row.interval[0]),
      high: x(row.interval[1]),
    };
  });
  const ticks = [0, 1, 2, 3, 4].map((i) => ({ value: (max * i) / 4, x: x((max * i) / 4) }));
  return { max, height, bars, ticks, axisY: height - box.bottom };
};
