import { useMemo } from 'react';
import { collectionTypes, type ContentManagerType } from '../utils/contentTypes';
import { useApiQuery } from './useApiQuery';

/**
 * The Content Manager's admin API, for the item picker of event conditions. The admin needs read
 * access to the content types there; without it these answer 403 and the picker says so.
 */

/** GET /content-manager/content-types: the collection types shown in the Content Manager. */
export const useCollectionTypes = () => {
  const query = useApiQuery<{ data: ContentManagerType[] }>('/content-manager/content-types');
  const types = useMemo(() => collectionTypes(query.data?.data ?? []), [query.data]);
  return { ...query, types };
};

interface Configuration {
  data: { contentType: { settings: { mainField?: string } } };
}

/** The field the Content Manager shows as an entry's title (null: no type picked yet). */
export const useMainField = (uid: string | null) => {
  const { data } = useApiQuery<Configuration>(
    uid ? `/content-manager/content-types/${encodeURIComponent(uid)}/configuration` : null
  );
  return data?.data.contentType.settings.mainField;
};

/** GET /content-manager/collection-types/:uid: 20 entries, searched with `_q`. */
export const useEntries = (uid: string | null, search: string) => {
  const params = new URLSearchParams({ page: '1', pageSize: '20' });
  if (search.trim()) params.set('_q', search.trim());
  return useApiQuery<{ results: Record<string, unknown>[] }>(
    uid ? `/content-manager/collection-types/${encodeURIComponent(uid)}?${params}` : null
  );
};

/** One entry, to show the title of the item a stored condition points at. */
export const useEntry = (uid: string | null, documentId: string | null) =>
  useApiQuery<{ data: Record<string, unknown> }>(
    uid && documentId
      ? `/content-manager/collection-types/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`
      : null
  );
