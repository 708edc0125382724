/** A datetime as read from SQLite (epoch ms), PostgreSQL (Date) or a string, as ISO 8601. */
export const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A date column (yyyy-mm-dd) as read from either engine. */
export const toDateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const iso = toIso(value);
  return iso ? iso.slice(0, 10) : null;
};
