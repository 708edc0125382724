import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../contracts/api';
import type { RuleNode } from '../../../contracts/segment-rules';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';

/**
 * The segments part of the plugin's admin API (the list itself is `useSegments` in api.ts, which
 * the customer list's filter uses too). Reads are hooks, writes plain async functions that throw
 * the admin's `FetchError` on failure.
 */

const base = `/${PLUGIN_ID}/segments`;
const segmentUrl = (documentId: string) => `${base}/${encodeURIComponent(documentId)}`;

/** One recorded recompute: when, how many members, how long it took. */
export type SegmentSize = ResponseOf<'segments.history'>['data'][number];

/** What the members tab shows: a page of members, sorted, optionally searched. */
export interface MembersQuery {
  page: number;
  sort: string;
  q?: string;
}

/** GET /segments/segments/:documentId */
export const useSegment = (documentId: string | undefined) =>
  useApiQuery<ResponseOf<'segments.findOne'>>(documentId ? segmentUrl(documentId) : null);

/** GET /segments/segments/:documentId/members: a page of members, like the customer list. */
export const useSegmentMembers = (documentId: string, query: MembersQuery) => {
  const params = new URLSearchParams({ page: String(query.page), sort: query.sort });
  if (query.q) params.set('q', query.q);
  return useApiQuery<ResponseOf<'segments.members'>>(`${segmentUrl(documentId)}/members?${params}`);
};

/** GET /segments/segments/:documentId/history: the sizes recorded at each recompute. */
export const useSegmentHistory = (documentId: string) =>
  useApiQuery<ResponseOf<'segments.history'>>(`${segmentUrl(documentId)}/history`);

/** GET /segments/customers/:documentId/segments/explain (null: don't load yet). */
export const useSegmentExplain = (customerDocumentId: string | null) =>
  useApiQuery<ResponseOf<'segments.explain'>>(
    customerDocumentId
      ? `/${PLUGIN_ID}/customers/${encodeURIComponent(customerDocumentId)}/segments/explain`
      : null
  );

/** The segment writes, and the preview of rules that are not saved yet. */
export const useSegmentApi = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/segments (201): a rule segment starts computing in the background. */
      create: async (input: RequestBodyOf<'segments.create'>) =>
        (await post<ResponseOf<'segments.create'>, RequestBodyOf<'segments.create'>>(base, input))
          .data.data,
      /** PUT /segments/segments/:documentId: changed rules recompute in the background. */
      update: async (documentId: string, input: RequestBodyOf<'segments.update'>) =>
        (
          await put<ResponseOf<'segments.update'>, RequestBodyOf<'segments.update'>>(
            segmentUrl(documentId),
            input
          )
        ).data.data,
      /** DELETE /segments/segments/:documentId, with its memberships and history. */
      remove: async (documentId: string) =>
        (await del<ResponseOf<'segments.delete'>>(segmentUrl(documentId))).data.data,
      /**
       * POST /segments/segments/preview: how many customers the rules match, and ten of them
       * when the admin may read customers.
       */
      preview: async (rules: RuleNode, signal?: AbortSignal) =>
        (
          await post<ResponseOf<'segments.preview'>, RequestBodyOf<'segments.preview'>>(
            `${base}/preview`,
            { rules },
            { signal }
          )
        ).data.data,
    }),
    [post, put, del]
  );
};
