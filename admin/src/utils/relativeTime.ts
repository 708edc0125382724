/** "3 minutes ago" without a date library: the value and unit for `Intl.RelativeTimeFormat`. */

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

const STEPS: [RelativeUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
];

/** How long before (negative) or after `now` the instant is, in the largest unit that fits. */
export const relativeTimeParts = (
  instant: string | Date,
  now: number = Date.now()
): { value: number; unit: RelativeUnit } => {
  let value = (new Date(instant).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return { value: Math.round(value), unit };
    value /= size;
  }
  return { value: Math.round(value), unit: 'year' };
};
