import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

interface QueryState<T> {
  data?: T;
  error?: unknown;
  /** True while a request runs, also when older data is still shown. */
  isFetching: boolean;
}

/**
 * GETs `url` (null: nothing to load) and again whenever it changes or `reload` is called. The
 * previous answer stays visible while the next one loads, and an answer to a superseded request
 * is dropped, so typing in a search box never shows an older result last.
 */
export const useApiQuery = <T>(url: string | null) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<QueryState<T>>({ isFetching: url !== null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (url === null) return undefined;
    const controller = new AbortController();
    setState((s) => ({ data: s.data, isFetching: true }));
    get<T>(url, { signal: controller.signal }).then(
      ({ data }) => {
        if (!controller.signal.aborted) setState({ data, isFetching: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((s) => ({ data: s.data, error, isFetching: false }));
      }
    );
    return () => controller.abort();
  }, [get, url, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    ...state,
    /** True until the first answer (or error) arrives. */
    isLoading: state.isFetching && state.data === undefined && state.error === undefined,
    reload,
  };
};
