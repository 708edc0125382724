import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { ResponseOf } from '../../../contracts/api';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';
import { saveBlob } from '../utils/saveBlob';

/** Merge, duplicates, GDPR export and anonymize: the privacy part of the customer API. */

const base = `/${PLUGIN_ID}/customers`;
const customerUrl = (documentId: string) => `${base}/${encodeURIComponent(documentId)}`;

/** One likely duplicate of a customer and why it looks like one. */
export type Duplicate = ResponseOf<'customers.duplicates'>['data'][number];

/** GET /segments/customers/:documentId/duplicates (null: don't load). */
export const useDuplicates = (documentId: string | null) =>
  useApiQuery<ResponseOf<'customers.duplicates'>>(
    documentId ? `${customerUrl(documentId)}/duplicates` : null
  );

/** GET /segments/customers?q=: the first page of customers matching a search (null: none). */
export const useCustomerSearch = (q: string | null) =>
  useApiQuery<ResponseOf<'customers.find'>>(
    q ? `${base}?${new URLSearchParams({ q, page: '1', pageSize: '10' })}` : null
  );

/** The writes and the download; each throws the admin's `FetchError` on failure. */
export const usePrivacyApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/customers/:documentId/merge: `sourceDocumentId` merges into it. */
      merge: async (documentId: string, sourceDocumentId: string) =>
        (
          await post<ResponseOf<'customers.merge'>, { sourceDocumentId: string }>(
            `${customerUrl(documentId)}/merge`,
            { sourceDocumentId }
          )
        ).data.data,
      /** POST /segments/customers/:documentId/anonymize */
      anonymize: async (documentId: string) =>
        (await post<ResponseOf<'customers.anonymize'>>(`${customerUrl(documentId)}/anonymize`)).data
          .data,
      /** GET /segments/customers/:documentId/gdpr-export, saved as a JSON file. */
      gdprExport: async (documentId: string) =>
        saveBlob(
          (await get(`${customerUrl(documentId)}/gdpr-export`, { responseType: 'blob' })).data,
          `customer-${documentId}.json`
        ),
    }),
    [get, post]
  );
};
