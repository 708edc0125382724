import type { Core } from '@strapi/strapi';
import { parseAudience } from '../../../contracts/audience';
import { knexOf } from '../database/knex';
import { canonicalizeAudiences } from './input';
import { abTestsOf, audienceMatches } from './match';
import { currentRequestState, type RequestPersonalization } from './request-state';
import { buildSchemaMap, type SchemaMap } from './schema-map';
import { collectAudiences, personalizeEntity } from './walk';

type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const WRITES = new Set(['create', 'update']);

/** The stored audience values of a content type: few distinct strings, read once per request. */
const distinctAudiences = (
  strapi: Core.Strapi,
  state: RequestPersonalization,
  uid: string,
  attribute: string
) => {
  if (!state.distinct.has(uid)) {
    const meta = strapi.db.metadata.get(uid);
    const column = (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    state.distinct.set(
      uid,
      knexOf(strapi)(meta.tableName)
        .distinct(column)
        .whereNotNull(column)
        .then((rows: Record<string, string>[]) => rows.map((r) => r[column]))
    );
  }
  return state.distinct.get(uid)!;
};

/**
 * The Document Service middleware of personalization. On content API reads it filters entries
 * by audience in the database (so pagination counts stay right) and removes blocks that are
 * not for the visitor; the Content Manager and other server code see everything. On every
 * write it validates audiences and stores them in their canonical form.
 */
export const personalizationDocumentMiddleware = (strapi: Core.Strapi) => {
  let map: SchemaMap | null = null;
  const schemaMap = () => (map ??= buildSchemaMap(strapi));

  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const shape = schemaMap().get(context.uid);
    if (!shape) return next();
    if (WRITES.has(context.action) && context.params?.data) {
      context.params.data = await canonicalizeAudiences(
        schemaMap(),
        context.uid,
        context.params.data
      );
      return next();
    }
    if (!READS.has(context.action)) return next();
    const state = currentRequestState(strapi);
    if (!state) return next();
    state.used = true;
    const visitor = await state.visitor();

    if (shape.audience && state.personalize && context.action !== 'findOne') {
      const values = await distinctAudiences(strapi, state, context.uid, shape.audience);
      const view = await visitor.view(abTestsOf(values));
      const allowed = values.filter((v) => audienceMatches(parseAudience(v), view));
      const byAudience = {
        $or: [{ [shape.audience]: { $null: true } }, { [shape.audience]: { $in: allowed } }],
      };
      const filters = context.params.filters;
      context.params = {
        ...context.params,
        filters: filters ? { $and: [filters, byAudience] } : byAudience,
      };
    }
    const result = await next();
    if (context.action === 'count') return result;

    const tests: unknown[] = [];
    collectAudiences(schemaMap(), context.uid, result, (v) => tests.push(v));
    const view = await visitor.view(abTestsOf(tests));
    if (Array.isArray(result))
      return result
        .map((e) => personalizeEntity(schemaMap(), context.uid, e, view))
        .filter((e) => e !== null);
    return personalizeEntity(schemaMap(), context.uid, result as Record<string, any>, view);
  };
};
