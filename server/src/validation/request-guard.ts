import { errors } from '@strapi/utils';
import * as yup from 'yup';
import { ROUTE_INPUTS, type RouteInput } from '../routes/inputs';
import { shapeIssues, type ShapeIssue } from './shape';
import { validate } from './validate';

const anything = yup.mixed();

type Ctx = { query: Record<string, unknown>; request: { body?: unknown } };

const refuse = (summary: string, issues: ShapeIssue[]) => {
  const messages = [...new Set(issues.map((i) => i.message))];
  return new errors.ValidationError(`${summary}: ${messages.join('; ')}`, {
    errors: issues.map((i) => ({ path: i.path.split('.'), message: i.message })),
  });
};

const isEmptyBody = (body: unknown) =>
  body === undefined ||
  body === null ||
  body === '' ||
  (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * The guard of one route, after its policies and before its controller: a query or body the
 * route does not take is refused; a query must pass its schema; a body must have the types of
 * its schema, nest at most MAX_DEPTH deep and name no prototype key (deep input overflows
 * recursive code; `__proto__` reaches prototypes). The controller validates the body's values
 * with the same schema and reads its defaults.
 */
export const requestGuard = (handler: string) => {
  const input: RouteInput = ROUTE_INPUTS[handler] ?? {};
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const keys = Object.keys(ctx.query ?? {});
    if (!input.query && keys.length > 0)
      throw new errors.ValidationError(
        `This request takes no query parameters; remove ${keys.map((k) => `"${k}"`).join(', ')}`
      );
    if (input.query) await validate(input.query, ctx.query, 'The query string is not accepted');
    const body = ctx.request.body;
    if (!input.body && !isEmptyBody(body))
      throw new errors.ValidationError('This request takes no body; send it without one');
    if (input.body && typeof body === 'object' && body !== null) {
      const issues = shapeIssues(input.body === 'own' ? anything : input.body, body);
      if (issues.length > 0) throw refuse('The body is not accepted', issues);
    }
    return next();
  };
};

type Route = { handler: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };

/** The router with its request guard first on each route. */
export const guardRoutes =
  <A extends unknown[], R extends { routes: readonly Route[] }>(router: (...args: A) => R) =>
  (...args: A) => {
    const built = router(...args);
    return {
      ...built,
      routes: built.routes.map((route) => ({
        ...route,
        config: {
          ...route.config,
          middlewares: [requestGuard(route.handler), ...(route.config?.middlewares ?? [])],
        },
      })),
    };
  };
