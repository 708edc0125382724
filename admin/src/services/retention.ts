import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../contracts/api';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';

/** Data retention settings, what the next run would do, and the runs so far. */

const base = `/${PLUGIN_ID}/retention`;

/** GET /segments/retention (settings.read). */
export const useRetention = () => useApiQuery<ResponseOf<'settings.retention'>>(base);

/** Saving the settings (settings.update) and running the job now. */
export const useRetentionApi = () => {
  const { post, put } = useFetchClient();
  return useMemo(
    () => ({
      /** PUT /segments/retention -> the same overview as GET. */
      update: async (settings: RequestBodyOf<'settings.saveRetention'>) =>
        (
          await put<ResponseOf<'settings.saveRetention'>, RequestBodyOf<'settings.saveRetention'>>(
            base,
            settings
          )
        ).data.data,
      /** POST /segments/retention/run -> whether it ran and how many customers it handled. */
      run: async () => (await post<ResponseOf<'settings.runRetention'>>(`${base}/run`)).data.data,
    }),
    [post, put]
  );
};
