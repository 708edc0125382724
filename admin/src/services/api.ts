import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { BulkDeleteCustomers, BulkDeleteInput } from '../../../contracts/customer-bulk';
import type { ListCustomerEvents } from '../../../contracts/customer-events';
import type { ListCustomers } from '../../../contracts/customer-list';
import type {
  CreateCustomer,
  CustomerInput,
  GetCustomer,
  UpdateCustomer,
} from '../../../contracts/customers';
import type { ListSegments } from '../../../contracts/segments';
import type { GetSettings, Settings } from '../../../contracts/settings';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';
import { listRequestParams, type ListState } from '../utils/listQuery';

/**
 * The plugin's admin API, one hook or function per endpoint, typed with the shared contracts.
 * Reads are hooks that reload when their arguments change; writes are plain async functions
 * (from `useCustomerApi` / `useSettingsApi`) that throw the admin's `FetchError` on failure.
 */

/**
 * The two bodies bulk delete takes. Spelled out from the contract's parts because its inferred
 * `BulkDeleteInput` makes `filters` required even with `documentIds` (yup infers object fields
 * as always present).
 */
export type BulkDeleteBody =
  { documentIds: string[] } | { all: true; filters?: BulkDeleteInput['filters'] };

const base = `/${PLUGIN_ID}`;
const customerUrl = (documentId: string) => `${base}/customers/${encodeURIComponent(documentId)}`;

/** GET /segments/customers: one page of the list. */
export const useCustomerList = (state: ListState) =>
  useApiQuery<ListCustomers.Response>(`${base}/customers?${listRequestParams(state)}`);

/** GET /segments/customers/:documentId: one profile with its segments. */
export const useCustomer = (documentId: string | undefined) =>
  useApiQuery<GetCustomer.Response>(documentId ? customerUrl(documentId) : null);

/** GET /segments/customers/:documentId/events: the activity timeline, newest first. */
export const useCustomerEvents = (documentId: string, page: number, pageSize = 20) =>
  useApiQuery<ListCustomerEvents.Response>(
    `${customerUrl(documentId)}/events?${new URLSearchParams({
      page: String(page),
      pageSize: String(pageSize),
    })}`
  );

/** GET /segments/settings: the tag groups (null: the admin may not read settings). */
export const useSettings = (enabled = true) =>
  useApiQuery<GetSettings.Response>(enabled ? `${base}/settings` : null);

/** GET /segments/segments: every segment, for the list's segment filter (null: not allowed). */
export const useSegments = (enabled = true) =>
  useApiQuery<ListSegments.Response>(enabled ? `${base}/segments` : null);

/** The customer writes: create, update, delete one, delete many. */
export const useCustomerApi = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/customers */
      create: async (input: CustomerInput) =>
        (await post<CreateCustomer.Response, CustomerInput>(`${base}/customers`, input)).data.data,
      /** PUT /segments/customers/:documentId: the fields given replace the stored ones. */
      update: async (documentId: string, input: CustomerInput) =>
        (await put<UpdateCustomer.Response, CustomerInput>(customerUrl(documentId), input)).data
          .data,
      /** DELETE /segments/customers/:documentId, with the customer's events and memberships. */
      remove: async (documentId: string) =>
        (await del<{ data: { documentId: string } }>(customerUrl(documentId))).data.data,
      /** POST /segments/customers/bulk-delete: by ids, or all matching filters. */
      bulkDelete: async (body: BulkDeleteBody) =>
        (
          await post<BulkDeleteCustomers.Response, BulkDeleteBody>(
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
      update: async (settings: Settings) =>
        (await put<GetSettings.Response, Settings>(`${base}/settings`, settings)).data.data,
    }),
    [put]
  );
};
