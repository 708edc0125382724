import type { ListCustomerValues, ValueField } from '../../../contracts/customer-values';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';

/** GET /segments/customer-values: the values customers hold in a field (null field: don't load). */
export const useCustomerValues = (field: ValueField | null, q: string) =>
  useApiQuery<ListCustomerValues.Response>(
    field ? `/${PLUGIN_ID}/customer-values?${new URLSearchParams({ field, q })}` : null
  );
