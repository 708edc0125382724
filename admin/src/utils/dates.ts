/**
 * Dates without a time (yyyy-mm-dd) and the design system's DatePicker, which shows the UTC day of
 * the `Date` it gets but hands back local midnight of the day picked.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The `Date` to give a DatePicker for a stored yyyy-mm-dd (undefined: empty). */
export const toPickerDate = (day: string | null | undefined): Date | undefined => {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return undefined;
  const date = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** The yyyy-mm-dd of the day a DatePicker's `onChange` gave (null: cleared). */
export const fromPickerDate = (date: Date | null | undefined): string | null =>
  date ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` : null;

/** The first instant of a yyyy-mm-dd in the browser's time zone, as an ISO timestamp. */
export const startOfLocalDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
};

/** The last instant of a yyyy-mm-dd in the browser's time zone, as an ISO timestamp. */
export const endOfLocalDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
};

/** True for a real calendar date written yyyy-mm-dd. */
export const isDay = (value: string | null | undefined): value is string => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
