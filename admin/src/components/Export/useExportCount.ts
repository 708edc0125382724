import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { RequestBodyOf, ResponseOf } from '../../../../contracts/api';
import { PLUGIN_ID } from '../../pluginId';

/**
 * POST /segments/exports/count: how many rows the export of `scope` would write (undefined while
 * it loads, null when it could not be counted). Asked again whenever the scope changes.
 */
export const useExportCount = (scope: RequestBodyOf<'exports.count'>) => {
  const { post } = useFetchClient();
  const [count, setCount] = useState<number | null | undefined>(undefined);
  const key = JSON.stringify(scope);

  useEffect(() => {
    const controller = new AbortController();
    setCount(undefined);
    post<ResponseOf<'exports.count'>, RequestBodyOf<'exports.count'>>(
      `/${PLUGIN_ID}/exports/count`,
      JSON.parse(key) as RequestBodyOf<'exports.count'>,
      { signal: controller.signal }
    ).then(
      ({ data }) => !controller.signal.aborted && setCount(data.data.count),
      () => !controller.signal.aborted && setCount(null)
    );
    return () => controller.abort();
  }, [post, key]);

  return count;
};
