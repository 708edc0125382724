import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../contracts/api';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';

/** The A/B tests part of the admin API: reads are hooks, writes throw `FetchError`. */

const base = `/${PLUGIN_ID}/ab-tests`;
const testUrl = (documentId: string) => `${base}/${encodeURIComponent(documentId)}`;

/** GET /segments/ab-tests */
export const useAbTests = () => useApiQuery<ResponseOf<'ab-tests.find'>>(base);

/** GET /segments/ab-tests/:documentId/results: the test with its figures per variant. */
export const useAbTestResults = (documentId: string | undefined) =>
  useApiQuery<ResponseOf<'ab-tests.results'>>(documentId ? `${testUrl(documentId)}/results` : null);

/** Create, change and delete A/B tests. */
export const useAbTestApi = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/ab-tests (201) */
      create: async (input: RequestBodyOf<'ab-tests.create'>) =>
        (await post<ResponseOf<'ab-tests.create'>, RequestBodyOf<'ab-tests.create'>>(base, input))
          .data.data,
      /** PUT /segments/ab-tests/:documentId: starting or stopping is a status change. */
      update: async (documentId: string, input: RequestBodyOf<'ab-tests.update'>) =>
        (
          await put<ResponseOf<'ab-tests.update'>, RequestBodyOf<'ab-tests.update'>>(
            testUrl(documentId),
            input
          )
        ).data.data,
      /** DELETE /segments/ab-tests/:documentId, with its assignments. */
      remove: async (documentId: string) =>
        (await del<ResponseOf<'ab-tests.delete'>>(testUrl(documentId))).data.data,
    }),
    [post, put, del]
  );
};
