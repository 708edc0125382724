import type { Core } from '@strapi/strapi';
import { parseAudience } from '../../../contracts/audience';
import { abTestsOf } from './match';
import { currentRequestState } from './request-state';
import { buildSchemaMap, type SchemaMap } from './schema-map';
import { collectAudiences, personalizeEntity } from './walk';

type Resolve = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type Nexus = {
  extendType(config: {
    type: string;
    definition(t: {
      field(name: string, config: { type: string; resolve(parent: any): unknown }): void;
    }): void;
  }): unknown;
};

const graphqlTypeName = (strapi: Core.Strapi, uid: string) => {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const schema = ((strapi.contentTypes as any)[uid] ?? (strapi.components as any)[uid]) as
    { modelType: string } | undefined;
  if (!schema) return null;
  return schema.modelType === 'component'
    ? naming.getComponentName(schema)
    : naming.getTypeName(schema);
};

/**
 * The Audience field answers the same object on GraphQL as on REST: Strapi would declare the
 * stored string a `String`, so its generated output field is turned off and declared again as
 * `JSON`, resolved to the parsed audience. Inputs and filters keep the string (a mutation sends
 * the object's JSON text).
 */
const audienceAsJson = (strapi: Core.Strapi, map: SchemaMap) => {
  const extension = strapi.plugin('graphql').service('extension');
  const fields: { typeName: string; field: string }[] = [];
  for (const [uid, shape] of map) {
    const typeName = shape.audience && graphqlTypeName(strapi, uid);
    if (!typeName || !shape.audience) continue;
    extension.shadowCRUD(uid).field(shape.audience).disableOutput();
    fields.push({ typeName, field: shape.audience });
  }
  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: fields.map(({ typeName, field }) =>
      nexus.extendType({
        type: typeName,
        definition(t) {
          t.field(field, { type: 'JSON', resolve: (parent) => parseAudience(parent?.[field]) });
        },
      })
    ),
  }));
};

/**
 * GraphQL (when @strapi/plugin-graphql is installed) loads components and dynamic zones through
 * the database layer, past the Document Service middleware that personalizes REST: a resolver
 * middleware on each component and dynamic-zone field picks the visitor's blocks the same way.
 * Entries themselves are filtered by the Document Service middleware, as on REST.
 */
export const registerGraphqlPersonalization = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  audienceAsJson(strapi, buildSchemaMap(strapi));
  graphql.service('extension').use(() => {
    const map = buildSchemaMap(strapi);
    const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
    for (const [uid, shape] of map) {
      const typeName = graphqlTypeName(strapi, uid);
      if (!typeName) continue;
      for (const child of shape.children) {
        if (child.kind === 'relation') continue;
        const pick = async (resolve: Resolve, ...rest: Parameters<Resolve>) => {
          const value = await resolve(...rest);
          const state = currentRequestState(strapi);
          if (!state || value === null || value === undefined) return value;
          state.used = true;
          const visitor = await state.visitor();
          const holder = { [child.name]: value };
          const tests: unknown[] = [];
          collectAudiences(map, uid, holder, (v) => tests.push(v));
          const view = await visitor.view(abTestsOf(tests));
          return personalizeEntity(map, uid, holder, view, false)?.[child.name];
        };
        resolversConfig[`${typeName}.${child.name}`] = { middlewares: [pick] };
      }
    }
    return { resolversConfig };
  });
};
