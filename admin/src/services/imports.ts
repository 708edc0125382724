import { attemptTokenRefresh, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { ResponseOf } from '../../../contracts/api';
import type { ImportJob } from '../../../contracts/imports';
import { useApiQuery } from '../hooks/useApiQuery';
import { PLUGIN_ID } from '../pluginId';
import { saveBlob } from '../utils/saveBlob';
import { uploadWithProgress, type UploadError } from '../utils/uploadWithProgress';

/** The customer import part of the plugin's admin API (all of it needs customers.import). */

const base = `/${PLUGIN_ID}/imports`;

/**
 * Where the API lives, as the admin's fetch client finds it. Typed by hand: the global `strapi`
 * is typed as the server's instance, while in the browser it is the admin's app object.
 */
const backendUrl = () =>
  (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** GET /segments/imports: the latest imports, newest first (null: don't load). */
export const useImports = (enabled = true) =>
  useApiQuery<ResponseOf<'imports.find'>>(enabled ? base : null);

/** GET /segments/imports/:id: one job with its first errors (and, for a dry run, its rows). */
export const useImportJob = (id: number | null) =>
  useApiQuery<ResponseOf<'imports.findOne'>>(id === null ? null : `${base}/${id}`);

/** Downloads (with the admin's token, so not as plain links) and the upload. */
export const useImportApi = () => {
  const { get } = useFetchClient();
  const token = useAuth('SegmentsImport', (auth) => auth.token);
  return useMemo(
    () => ({
      /** GET /segments/imports/template.csv, saved as customers-template.csv. */
      downloadTemplate: async () =>
        saveBlob(
          (await get(`${base}/template.csv`, { responseType: 'blob' })).data,
          'customers-template.csv'
        ),
      /** GET /segments/imports/:id/errors.csv: the failed rows with line, column and reason. */
      downloadErrors: async (id: number) =>
        saveBlob(
          (await get(`${base}/${id}/errors.csv`, { responseType: 'blob' })).data,
          `import-${id}-errors.csv`
        ),
      /**
       * POST /segments/imports (multipart `file` and `dryRun`) -> 202 with the queued job.
       * `onProgress` gets the share of the file sent; an expired token is renewed once.
       */
      upload: async (
        file: File,
        dryRun: boolean,
        onProgress: (share: number) => void,
        signal?: AbortSignal
      ): Promise<ImportJob> => {
        const body = new FormData();
        body.append('file', file, file.name);
        body.append('dryRun', String(dryRun));
        const url = `${backendUrl()}${base}`;
        const send = (with_: string | null) =>
          uploadWithProgress<ResponseOf<'imports.create'>>(url, with_, body, onProgress, signal);
        try {
          return (await send(token)).data;
        } catch (error) {
          if ((error as UploadError).status !== 401) throw error;
          return (await send(await attemptTokenRefresh(token))).data;
        }
      },
    }),
    [get, token]
  );
};
