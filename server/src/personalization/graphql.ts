import type { Core } from '@strapi/strapi';
import { abTestsOf } from './match';
import { currentRequestState } from './request-state';
import { buildSchemaMap } from './schema-map';
import { collectAudiences, personalizeEntity } from './walk';

type Resolve = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;

/**
 * GraphQL (when @strapi/plugin-graphql is installed) loads components and dynamic zones through
 * the database layer, past the Document Service middleware that personalizes REST: a resolver
 * middleware on each component and dynamic-zone field picks the visitor's blocks the same way.
 * Entries themselves are filtered by the Document Service middleware, as on REST.
 */
export const registerGraphqlPersonalization = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => {
    const naming = graphql.service('utils').naming;
    const map = buildSchemaMap(strapi);
    const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
    for (const [uid, shape] of map) {
      const schema = ((strapi.contentTypes as any)[uid] ?? (strapi.components as any)[uid]) as
        { modelType: string } | undefined;
      if (!schema) continue;
      const typeName =
        schema.modelType === 'component'
          ? naming.getComponentName(schema)
          : naming.getTypeName(schema);
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
          const view = { ...(await visitor.view(abTestsOf(tests))), audienceAsText: true };
          return personalizeEntity(map, uid, holder, view, false)?.[child.name];
        };
        resolversConfig[`${typeName}.${child.name}`] = { middlewares: [pick] };
      }
    }
    return { resolversConfig };
  });
};
