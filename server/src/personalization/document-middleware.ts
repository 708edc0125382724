import type { Core } from '@strapi/strapi';
import { parseAudience } from '../../../contracts/audience';
import { TABLE } from '../../../contracts/constants';
import { knexOf } from '../database/knex';
import { canonicalizeAudiences } from './input';
import { abTestsOf, audienceMatches } from './match';
import { currentRequestState } from './request-state';
import { buildSchemaMap, type SchemaMap } from './schema-map';
import { collectAudiences, personalizeEntity } from './walk';

type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** A view that removes nothing: written entries are answered whole, audiences as objects. */
const SHOW_ALL = { personalize: false, segments: new Set<string>(), variantOf: () => 'A' as const };
const WRITES = new Set(['create', 'update']);

/**
 * How long the distinct audience values of a type are reused. Writes through the Document
 * Service of this instance clear them at once; this bounds how long a new audience written
 * elsewhere (another instance, raw queries) can be missed.
 */
const DISTINCT_TTL_MS = 10_000;

/**
 * The stored audience values of content types: few distinct strings per type, read with one
 * `SELECT DISTINCT` and kept for a few seconds, so a personalized request costs no extra query.
 */
const createDistinctCache = (strapi: Core.Strapi) => {
  const cache = new Map<string, { at: number; values: Promise<string[]> }>();
  return {
    get(uid: string, attribute: string) {
      const hit = cache.get(uid);
      if (hit && Date.now() - hit.at < DISTINCT_TTL_MS) return hit.values;
      const meta = strapi.db.metadata.get(uid);
      const column =
        (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
      const values = knexOf(strapi)(meta.tableName)
        .distinct(column)
        .whereNotNull(column)
        .then((rows: Record<string, string>[]) => rows.map((r) => r[column]));
      values.catch(() => cache.delete(uid));
      cache.set(uid, { at: Date.now(), values });
      return values;
    },
    clear(uid: string) {
      cache.delete(uid);
    },
  };
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
  const distinct = createDistinctCache(strapi);
  const abTestExists = async (documentId: string) =>
    Boolean(await knexOf(strapi)(TABLE.abTests).where('document_id', documentId).first('id'));

  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const shape = schemaMap().get(context.uid);
    if (!shape) return next();
    if (!READS.has(context.action)) {
      if (WRITES.has(context.action) && context.params?.data)
        context.params.data = await canonicalizeAudiences(
          schemaMap(),
          context.uid,
          context.params.data,
          '',
          abTestExists
        );
      let written: unknown;
      try {
        written = await next();
      } finally {
        distinct.clear(context.uid);
      }
      // A content API write answers `audience` as the object its reads show (docs/personalization.md).
      if (!WRITES.has(context.action) || !currentRequestState(strapi)) return written;
      return personalizeEntity(schemaMap(), context.uid, written as Record<string, any>, SHOW_ALL);
    }
    const state = currentRequestState(strapi);
    if (!state) return next();
    state.used = true;
    const visitor = await state.visitor();

    if (shape.audience && state.personalize && context.action !== 'findOne') {
      const values = await distinct.get(context.uid, shape.audience);
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
