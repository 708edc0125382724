import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../contracts/api';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';
import { listRequestParams, type ListState } from '../utils/listQuery';

/**
 * The plugin's admin API, one hook or function per endpoint, typed with the shared contracts.
 * Reads are hooks that reload when their arguments change; writes are plain async functions
 * (from `useCustomerApi` / `useSettingsApi`) that throw the admin's `FetchError` on failure.
 */

/** The two bodies bulk delete takes: some customers by id, or all matching filters. */
export type BulkDeleteBody = RequestBodyOf<'customers.bulkDelete'>;
type CustomerInput = RequestBodyOf<'customers.create'>;

const base = `/${PLUGIN_ID}`;
const customerUrl = (documentId: string) => `${base}/customers/${encodeURIComponent(documentId)}`;

/** GET /segments/customers: one page of the list. */
export const useCustomerList = (state: ListState) =>
  useApiQuery<ResponseOf<'customers.find'>>(`${base}/customers?${listRequestParams(state)}`);

/** GET /segments/customers/:documentId: one profile with its segments. */
export const useCustomer = (documentId: string | undefined) =>
  useApiQuery<ResponseOf<'customers.findOne'>>(documentId ? customerUrl(documentId) : null);

/** GET /segments/customers/:documentId/events: the activity timeline, newest first. */
export const useCustomerEvents = (documentId: string, page: number, pageSize = 20) =>
  useApiQuery<ResponseOf<'customers.events'>>(
    `${customerUrl(documentId)}/events?${new URLSearchParams({
      page: String(page),
      pageSize: String(pageSize),
    })}`
  );

/** GET /segments/settings: the tag groups (null: the admin may not read settings). */
export const useSettings = (enabled = true) =>
  useApiQuery<ResponseOf<'settings.find'>>(enabled ? `${base}/settings` : null);

/** GET /segments/segments: every segment, for the list's segment filter (null: not allowed). */
export const useSegments = (enabled = true) =>
  useApiQuery<ResponseOf<'segments.find'>>(enabled ? `${base}/segments` : null);

/** The customer writes: create, update, delete one, delete many. */
export const useCustomerApi = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/customers */
      create: async (input: CustomerInput) =>
        (await post<ResponseOf<'customers.create'>, CustomerInput>(`${base}/customers`, input)).data
          .data,
      /** PUT /segments/customers/:documentId: the fields given replace the stored ones. */
      update: async (documentId: string, input: CustomerInput) =>
        (await put<ResponseOf<'customers.update'>, CustomerInput>(customerUrl(documentId), input))
          .data.data,
      /** DELETE /segments/customers/:documentId, with the customer's events and memberships. */
      remove: async (documentId: string) =>
        (await del<ResponseOf<'customers.delete'>>(customerUrl(documentId))).data.data,
      /** POST /segments/customers/bulk-delete: by ids, or all matching filters. */
      bulkDelete: async (body: BulkDeleteBody) =>
        (
          await post<ResponseOf<'customers.bulkDelete'>, BulkDeleteBody>(
            `${base}/customers/bulk-delete`,
            body
          )
        ).data.data,
    }),
    [post, put, del]
  );
};

/** The settings write. */
export const useSettingsApi = () => {
  const { put } = useFetchClient();
  return useMemo(
    () => ({
      /** PUT /segments/settings */
      update: async (settings: RequestBodyOf<'settings.update'>) =>
        (
          await put<ResponseOf<'settings.update'>, RequestBodyOf<'settings.update'>>(
            `${base}/settings`,
            settings
          )
        ).data.data,
    }),
    [put]
  );
};
