import type { Core } from '@strapi/strapi';
import { readPersonalizeParam, takeVisitorParams } from './headers';
import { createRequestState } from './request-state';

type Ctx = {
  path: string;
  status: number;
  body: unknown;
  query: Record<string, unknown>;
  state: Record<string, any>;
  headers: Record<string, string | string[] | undefined>;
  vary(field: string): void;
};

/**
 * Wraps content API requests, REST and GraphQL (when @strapi/plugin-graphql is installed): takes
 * `?personalize=` and the preview parameters (`?segments=`, `?abVariant=`) off the query
 * (Strapi's strict query validation would refuse them), and after
 * the controller adds `Vary`, and on REST `meta.personalization`, to responses whose content
 * depended on the visitor.
 */
export const personalizationKoaMiddleware = (strapi: Core.Strapi) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/`;
  const graphql = strapi.plugin('graphql')?.config('endpoint', '/graphql') as string | undefined;
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const rest = ctx.path.startsWith(prefix);
    if (!rest && ctx.path !== graphql) return next();
    const personalize = await readPersonalizeParam(ctx.query.personalize);
    delete ctx.query.personalize;
    const params = takeVisitorParams(ctx.query);
    const state = createRequestState(strapi, ctx, personalize, !rest, params);
    await next();
    if (!state.used) return;
    if (personalize)
      ['X-Visitor-Id', 'X-Customer-Id', 'X-Segments', 'X-AB-Variant'].forEach((h) => ctx.vary(h));
    const visitor = state.created();
    const body = ctx.body as { data?: unknown; meta?: Record<string, unknown> } | null;
    if (rest && visitor && ctx.status < 400 && body && typeof body === 'object' && 'data' in body)
      body.meta = { ...(body.meta ?? {}), personalization: visitor.meta() };
  };
};
