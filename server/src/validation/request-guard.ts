import { errors } from '@strapi/utils';
import * as yup from 'yup';
import { shapeIssues } from './shape';

const anything = yup.mixed();

type Ctx = { query: unknown; request: { body?: unknown } };

const refuse = (where: string, issues: ReturnType<typeof shapeIssues>) => {
  const messages = [...new Set(issues.map((i) => i.message))];
  return new errors.ValidationError(`${where}: ${messages.join('; ')}`, {
    errors: issues.map((i) => ({ path: i.path.split('.'), message: i.message })),
  });
};

/**
 * Runs before every route of the plugin: a body or query nested deeper than MAX_DEPTH, or
 * naming a prototype key, is a 400 before any controller or schema touches it (deep input
 * overflows recursive code; `__proto__` reaches prototypes). Types are checked by each route's
 * schema (validate).
 */
export const requestGuard = async (ctx: Ctx, next: () => Promise<unknown>) => {
  const query = shapeIssues(anything, ctx.query, 'query');
  if (query.length > 0) throw refuse('The query string is not accepted', query);
  const body = ctx.request.body;
  if (body !== null && typeof body === 'object') {
    const issues = shapeIssues(anything, body, 'body');
    if (issues.length > 0) throw refuse('The body is not accepted', issues);
  }
  return next();
};

type Route = { config?: { middlewares?: unknown[] } & Record<string, unknown> };

/** The router with the request guard first on each of its routes. */
export const guardRoutes =
  <R extends { routes: Route[] }>(router: () => R) =>
  () => {
    const built = router();
    return {
      ...built,
      routes: built.routes.map((route) => ({
        ...route,
        config: {
          ...route.config,
          middlewares: [requestGuard, ...(route.config?.middlewares ?? [])],
        },
      })),
    };
  };
