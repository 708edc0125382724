import type { AbTest } from '../../../../contracts/ab-tests';
import { useApiQuery } from '../../hooks/useApiQuery';
import { PLUGIN_ID } from '../../pluginId';

/**
 * The A/B tests an audience can point at. When the list cannot be read (no permission, or an
 * older server without A/B tests) the A/B part of the Audience field is hidden.
 */
export const useAbTests = (enabled: boolean) => {
  const query = useApiQuery<{ data: Pick<AbTest, 'documentId' | 'name' | 'status'>[] }>(
    enabled ? `/${PLUGIN_ID}/ab-tests` : null
  );
  return { tests: query.error ? null : (query.data?.data ?? null), isLoading: query.isLoading };
};
