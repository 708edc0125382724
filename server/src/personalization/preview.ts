import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PreviewAudience, PreviewQuery } from '../../../contracts/audience';
import type { AudienceView } from './match';
import { buildSchemaMap, type SchemaMap } from './schema-map';
import { personalizeEntity } from './walk';

/**
 * "View as" for editors: one entry as the content API would give it to a visitor of a segment
 * (or to everyone else), optionally in one A/B variant. Nothing is assigned or recorded.
 */
const personalization = ({ strapi }: { strapi: Core.Strapi }) => {
  let map: SchemaMap | null = null;
  const schemaMap = () => (map ??= buildSchemaMap(strapi));

  return {
    async preview(query: PreviewQuery): Promise<PreviewAudience.Response['data']> {
      if (!strapi.contentTypes[query.uid as keyof typeof strapi.contentTypes])
        throw new errors.NotFoundError(`No content type ${query.uid}`);
      const entry = (await strapi.documents(query.uid as any).findOne({
        documentId: query.documentId,
        populate: '*',
        status: query.status,
        ...(query.locale ? { locale: query.locale } : {}),
      } as any)) as Record<string, unknown> | null;
      if (!entry) throw new errors.NotFoundError(`No ${query.status} entry ${query.documentId}`);

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
