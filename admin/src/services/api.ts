import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { ListCustomers } from '../../../contracts/customer-list';
import { PLUGIN_ID } from '../pluginId';

/** Loads one page of the customer list; reloads when the query changes. */
export const useCustomerList = (query: { page: number; q?: string }) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{
    data?: ListCustomers.Response;
    error?: unknown;
    isLoading: boolean;
  }>({ isLoading: true });

  const load = useCallback(async () => {
    setState((s) => ({ ...s, isLoading: true }));
    try {
      const params = new URLSearchParams({ page: String(query.page) });
      if (query.q) params.set('q', query.q);
      const { data } = await get<ListCustomers.Response>(`/${PLUGIN_ID}/customers?${params}`);
      setState({ data, isLoading: false });
    } catch (error) {
      setState({ error, isLoading: false });
    }
  }, [get, query.page, query.q]);

  useEffect(() => {
    void load();
  }, [load]);

  return { ...state, reload: load };
};
