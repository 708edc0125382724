import type { SortField } from '../../utils/listQuery';

/** The customer list's optional columns (the name is always shown), in table order. */
export const CUSTOMER_COLUMNS = [
  'email',
  'phone',
  'city',
  'country',
  'segments',
  'lastActivityAt',
  'createdAt',
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

/** Shown until the admin chooses, on a screen 1280 px wide or more. */
export const DEFAULT_COLUMNS: CustomerColumn[] = ['email', 'country', 'segments', 'lastActivityAt'];

/** What fits beside the name and the row menu on a narrower screen (1024 px). */
const NARROW_COLUMNS: CustomerColumn[] = ['email', 'lastActivityAt'];
const NARROW_BELOW_PX = 1280;

/** The columns shown until the admin chooses: as many as fit this window without scrolling. */
export const defaultColumns = (windowWidth = globalThis.window?.innerWidth ?? NARROW_BELOW_PX) =>
  windowWidth < NARROW_BELOW_PX ? NARROW_COLUMNS : DEFAULT_COLUMNS;

/** The columns a header click sorts by. */
export const SORT_OF: Partial<Record<CustomerColumn, SortField>> = {
  lastActivityAt: 'lastActivityAt',
  createdAt: 'createdAt',
};

const isColumn = (value: unknown): value is CustomerColumn =>
  typeof value === 'string' && (CUSTOMER_COLUMNS as readonly string[]).includes(value);

/** The stored choice (JSON list of columns), or the defaults when absent or unreadable. */
export const parseColumns = (stored: string | null, windowWidth?: number): CustomerColumn[] => {
  if (stored === null) return defaultColumns(windowWidth);
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return defaultColumns(windowWidth);
    return CUSTOMER_COLUMNS.filter((column) => value.some((v) => v === column && isColumn(v)));
  } catch {
    return defaultColumns(windowWidth);
  }
};
