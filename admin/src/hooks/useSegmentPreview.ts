import { useDebounce } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { PreviewSegment } from '../../../contracts/segments';
import { useSegmentApi } from '../services/segments';
import type { GroupNode } from '../../../contracts/segment-rules';
import { cleanTree } from '../utils/ruleTree';

interface PreviewState {
  result?: PreviewSegment.Response['data'];
  error?: unknown;
  isFetching: boolean;
}

/**
 * The live "N customers match" of the builder: the rules (null while they can't be sent) are
 * previewed 500 ms after the last edit; an older answer never replaces a newer one.
 */
export const useSegmentPreview = (rules: GroupNode | null) => {
  const api = useSegmentApi();
  const json = rules ? JSON.stringify(cleanTree(rules)) : null;
  const debounced = useDebounce(json, 500);
  const [state, setState] = useState<PreviewState>({ isFetching: false });

  useEffect(() => {
    if (debounced === null) {
      setState({ isFetching: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ result: s.result, isFetching: true }));
    api.preview(JSON.parse(debounced), controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setState({ result, isFetching: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, isFetching: false });
      }
    );
    return () => controller.abort();
  }, [api, debounced]);

  return {
    ...state,
    /** True while edits wait for their preview (typing, or the request running). */
    isPending: state.isFetching || json !== debounced,
    ready: json !== null,
  };
};
