import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../contracts/api';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';
import { saveBlob } from '../utils/saveBlob';

/** CSV exports of the customer list (all of it needs customers.bulk-export). */

const base = `/${PLUGIN_ID}/exports`;

/** What POST /segments/exports takes: the fields, and all, matching or selected customers. */
export type ExportBody = RequestBodyOf<'exports.create'>;

/** GET /segments/exports/:id: one job (null: don't load). */
export const useExportJob = (id: number | null) =>
  useApiQuery<ResponseOf<'exports.findOne'>>(id === null ? null : `${base}/${id}`);

/** Starting an export and downloading its file. */
export const useExportApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      /** POST /segments/exports -> 202 with the queued job. */
      start: async (body: ExportBody) =>
        (await post<ResponseOf<'exports.create'>, ExportBody>(base, body)).data.data,
      /** GET /segments/exports/:id/download, saved as customers-export-:id.csv. */
      download: async (id: number) =>
        saveBlob(
          (await get(`${base}/${id}/download`, { responseType: 'blob' })).data,
          `customers-export-${id}.csv`
        ),
    }),
    [get, post]
  );
};
