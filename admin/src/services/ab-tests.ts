import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type {
  AbTestInput,
  AbTestUpdate,
  GetAbTest,
  GetAbTestResults,
  ListAbTests,
} from '../../../contracts/ab-tests';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';

/** The A/B tests part of the admin API: reads are hooks, writes throw `FetchError`. */

const base = `/${PLUGIN_ID}/ab-tests`;
const testUrl = (documentId: string) => `${base}/${encodeURIComponent(documentId)}`;

/** GET /segments/ab-tests */
export const useAbTests = () => useApiQuery<ListAbTests.Response>(base);

/** GET /segments/ab-tests/:documentId/results: the test with its figures per variant. */
export const useAbTestResults = (documentId: string | undefined) =>
  useApiQuery<GetAbTestResults.Response>(documentId ? `${testUrl(documentId)}/results` : null);

/** Create, change and delete A/B tests. */
export const useAbTestApi = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/ab-tests (201) */
      create: async (input: AbTestInput) =>
        (await post<GetAbTest.Response, AbTestInput>(base, input)).data.data,
      /** PUT /segments/ab-tests/:documentId: starting or stopping is a status change. */
      update: async (documentId: string, input: AbTestUpdate) =>
        (await put<GetAbTest.Response, AbTestUpdate>(testUrl(documentId), input)).data.data,
      /** DELETE /segments/ab-tests/:documentId, with its assignments. */
      remove: async (documentId: string) =>
        (await del<GetAbTest.Response>(testUrl(documentId))).data.data,
    }),
    [post, put, del]
  );
};
