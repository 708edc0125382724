import type { Core } from '@strapi/strapi';
import type { PreviewAudience, PreviewQuery } from '../../../contracts/audience';
import type { AudienceView } from '../personalization/match';
import { readForPreview } from '../personalization/preview-access';
import { buildSchemaMap, type SchemaMap } from '../personalization/schema-map';
import { personalizeEntity } from '../personalization/walk';

/**
 * "View as" for editors: one entry as the content API would give it to a visitor of a segment
 * (or to everyone else), optionally in one A/B variant. Nothing is assigned or recorded. The
 * entry is read with the admin's Content Manager permissions (`userAbility`), so an editor sees
 * no more of it than the Content Manager shows them.
 */
const personalization = ({ strapi }: { strapi: Core.Strapi }) => {
  let map: SchemaMap | null = null;
  const schemaMap = () => (map ??= buildSchemaMap(strapi));

  return {
    async preview(
      query: PreviewQuery,
      userAbility: unknown
    ): Promise<PreviewAudience.Response['data']> {
      const entry = await readForPreview(strapi, schemaMap(), userAbility, query);

      const view: AudienceView = {
        personalize: true,
        segments: new Set(query.segment ? [query.segment] : []),
        variantOf: () => query.variant ?? 'A',
      };
      const shape = schemaMap().get(query.uid);
      const totals: Record<string, number> = {};
      for (const child of shape?.children ?? []) {
        const value = entry[child.name];
        if (child.kind !== 'relation' && Array.isArray(value)) totals[child.name] = value.length;
      }
      const personalized = personalizeEntity(schemaMap(), query.uid, entry, view);
      const headers: Record<string, string> = {};
      if (query.segment) headers['X-Segments'] = query.segment;
      if (query.variant) headers['X-AB-Variant'] = query.variant;
      return {
        visible: personalized !== null,
        entry: personalized ?? personalizeEntity(schemaMap(), query.uid, entry, view, false),
        totals,
        headers,
      };
    },
  };
};

export default personalization;
