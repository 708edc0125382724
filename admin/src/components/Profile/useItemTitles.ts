import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { TimelineEvent } from '../../../../contracts/customer-events';
import { entryTitle } from '../../utils/contentTypes';

/** The key of an event's content item in the map useItemTitles gives. */
export const itemKey = (event: Pick<TimelineEvent, 'itemUid' | 'itemDocumentId' | 'itemLocale'>) =>
  event.itemUid && event.itemDocumentId
    ? `${event.itemUid}|${event.itemDocumentId}|${event.itemLocale ?? ''}`
    : null;

interface Configuration {
  data: { contentType: { settings: { mainField?: string } } };
}

/**
 * The titles of the content items the events are about, from the Content Manager's admin API
 * (each type's main field, each item once). An item the admin may not read, or that is gone,
 * has no title: the timeline shows its URL then.
 */
export const useItemTitles = (events: TimelineEvent[] | undefined) => {
  const { get } = useFetchClient();
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const wanted = [...new Set((events ?? []).map(itemKey).filter((k): k is string => k !== null))];
  const wantedKey = wanted.join('\n');

  useEffect(() => {
    if (!wantedKey) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    const keys = wantedKey.split('\n');
    const mainFields = new Map<string, Promise<string | undefined>>();
    const mainFieldOf = (uid: string) => {
      if (!mainFields.has(uid)) {
        mainFields.set(
          uid,
          get<Configuration>(
            `/content-manager/content-types/${encodeURIComponent(uid)}/configuration`,
            { signal }
          ).then(
            ({ data }) => data.data.contentType.settings.mainField,
            () => undefined
          )
        );
      }
      return mainFields.get(uid)!;
    };
    Promise.all(
      keys.map(async (key) => {
        const [uid, documentId, locale] = key.split('|');
        const mainField = await mainFieldOf(uid);
        // A type without a text field to name its entries shows "id": not a title.
        if (!mainField || mainField === 'id' || mainField === 'documentId') return null;
        const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';
        try {
          const { data } = await get<{ data: Record<string, unknown> }>(
            `/content-manager/collection-types/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}${query}`,
            { signal }
          );
          const title = entryTitle(data.data, mainField);
          return title && title !== documentId ? ([key, title] as const) : null;
        } catch {
          return null;
        }
      })
    ).then((found) => {
      if (!signal.aborted) {
        setTitles(new Map(found.filter((f): f is readonly [string, string] => f !== null)));
      }
    });
    return () => controller.abort();
  }, [get, wantedKey]);

  return titles;
};
