import { useCallback, useEffect, useMemo, useState } from 'react';

/** Rows picked one by one, or every customer matching the list's filters (all pages). */
export type Selection = { mode: 'rows'; ids: string[] } | { mode: 'matching' };

const none: Selection = { mode: 'rows', ids: [] };

/**
 * The list's "Select rows": a checkbox per row, one for the whole page, then "select all N
 * matching". Starts over whenever `resetKey` (page, sort, filters) changes, so nothing hidden
 * from view stays selected.
 */
export const useRowSelection = (pageIds: string[], total: number, resetKey: string) => {
  const [selection, setSelection] = useState<Selection>(none);
  useEffect(() => setSelection(none), [resetKey]);

  const selectedIds = useMemo(
    () => new Set(selection.mode === 'rows' ? selection.ids : pageIds),
    [selection, pageIds]
  );
  const onPage = pageIds.filter((id) => selectedIds.has(id)).length;

  const toggle = useCallback(
    (id: string) =>
      setSelection((current) => {
        const ids = current.mode === 'rows' ? current.ids : pageIds;
        return {
          mode: 'rows',
          ids: ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id],
        };
      }),
    [pageIds]
  );

  const togglePage = useCallback(
    () =>
      setSelection(
        onPage === pageIds.length && pageIds.length > 0 ? none : { mode: 'rows', ids: pageIds }
      ),
    [onPage, pageIds]
  );

  const selectMatching = useCallback(() => setSelection({ mode: 'matching' }), []);
  const clear = useCallback(() => setSelection(none), []);

  return {
    selection,
    isSelected: (id: string) => selectedIds.has(id),
    /** How many customers the selection stands for. */
    count: selection.mode === 'matching' ? total : selection.ids.length,
    allOnPage: pageIds.length > 0 && onPage === pageIds.length,
    someOnPage: onPage > 0 && onPage < pageIds.length,
    toggle,
    togglePage,
    selectMatching,
    clear,
  };
};

export type RowSelection = ReturnType<typeof useRowSelection>;
