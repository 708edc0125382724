import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readListState, writeListState, type ListState } from '../utils/listQuery';

/**
 * The customer list's page, sort and filters, kept in the URL so that a reload, the back button
 * or a shared link shows the same list.
 */
export const useListState = () => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const update = useCallback(
    (next: Partial<ListState>) => setParams(writeListState({ ...state, ...next })),
    [setParams, state]
  );
  return [state, update] as const;
};
