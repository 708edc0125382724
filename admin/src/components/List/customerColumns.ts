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

/** Shown until the admin chooses: they fit beside the row menu at 1024 px. */
export const DEFAULT_COLUMNS: CustomerColumn[] = ['email', 'country', 'segments', 'lastActivityAt'];

/** The columns a header click sorts by. */
export const SORT_OF: Partial<Record<CustomerColumn, SortField>> = {
  lastActivityAt: 'lastActivityAt',
  createdAt: 'createdAt',
};

const isColumn = (value: unknown): value is CustomerColumn =>
  typeof value === 'string' && (CUSTOMER_COLUMNS as readonly string[]).includes(value);

/** The stored choice (JSON list of columns), or the defaults when absent or unreadable. */
export const parseColumns = (stored: string | null): CustomerColumn[] => {
  if (stored === null) return DEFAULT_COLUMNS;
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return DEFAULT_COLUMNS;
    return CUSTOMER_COLUMNS.filter((column) => value.some((v) => v === column && isColumn(v)));
  } catch {
    return DEFAULT_COLUMNS;
  }
};
