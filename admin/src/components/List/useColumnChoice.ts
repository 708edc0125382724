import { useCallback, useState } from 'react';
import {
  CUSTOMER_COLUMNS,
  defaultColumns,
  parseColumns,
  type CustomerColumn,
} from './customerColumns';

const STORAGE_KEY = 'strapi-plugin-segments:customer-list-columns';

const read = () => {
  try {
    return parseColumns(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage refused (private mode, policy): the defaults, not a broken page.
    return defaultColumns();
  }
};

const write = (columns: CustomerColumn[] | null) => {
  try {
    if (columns === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Not kept across visits then; the choice still applies on this page.
  }
};

/**
 * The customer list's visible columns, kept in this browser's localStorage as the Content
 * Manager keeps its list view's fields.
 */
export const useColumnChoice = () => {
  const [columns, setColumns] = useState<CustomerColumn[]>(read);
  const toggle = useCallback((column: CustomerColumn) => {
    setColumns((current) => {
      const next = CUSTOMER_COLUMNS.filter((c) =>
        c === column ? !current.includes(c) : current.includes(c)
      );
      write(next);
      return next;
    });
  }, []);
  const reset = useCallback(() => {
    write(null);
    setColumns(defaultColumns());
  }, []);
  return { columns, toggle, reset };
};
