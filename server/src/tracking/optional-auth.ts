import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../contracts/constants';

type Ctx = {
  get(name: string): string;
  state: { route?: { handler?: unknown; config?: Record<string, unknown> }; auth?: unknown };
};

/**
 * A route middleware for the public tracking routes (`auth: false`), where Strapi authenticates
 * nobody: a request that carries an Authorization header is authenticated and authorized as on
 * any content-API route (an API token must be allowed this action), so the site's server can
 * name a customer with X-Customer-Id. Without the header, or with an end user's login, the
 * request stays public.
 */
export const optionalContentApiAuth =
  (strapi: Core.Strapi) => async (ctx: Ctx, next: () => Promise<unknown>) => {
    const route = ctx.state.route;
    if (!ctx.get('Authorization') || ctx.state.auth || typeof route?.handler !== 'string')
      return next();
    const scope = [`plugin::${PLUGIN_ID}.${route.handler}`];
    const auth = strapi.get('auth');
    ctx.state.route = { ...route, config: { ...route.config, auth: { scope } } };
    let authenticated = false;
    try {
      // On bad credentials this answers 401 itself and does not call on.
      await auth.authenticate(ctx as never, async () => {
        authenticated = true;
      });
    } finally {
      ctx.state.route = route;
    }
    if (!authenticated) return undefined;
    // An end user's login is no more trusted than the public here (see caller.ts): the request
    // stays public rather than needing the tracking action on the user's role.
    if (
      (ctx.state.auth as { strategy?: { name?: string } })?.strategy?.name === 'users-permissions'
    ) {
      delete ctx.state.auth;
      return next();
    }
    await auth.verify(ctx.state.auth as never, { scope } as never);
    return next();
  };
