import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  identifySchema,
  IDENTITY_HEADERS,
  serverIdentifySchema,
  serverMergeSchema,
} from '../../../contracts/tracking';
import { readTrackingCaller, type TrackingCaller } from '../tracking/caller';
import { trackingBodyOf } from '../tracking/body-limit';
import { createRateLimiter } from '../tracking/rate-limit';
import { trackerScript, trackerEndpoint } from '../tracking/tracker-script';
import { assertUserHash, type IdentityVerification } from '../tracking/user-hash';
import { getService } from '../utils/get-service';
import { reply, validBody } from '../utils/respond';
import { validate } from '../validation/validate';
import { createEventsValidator } from '../tracking/events-validator';
import { pluginConfig } from '../config/plugin-config';

/** The public tracking API: events, identify, and the snippet. */
const tracking = ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = pluginConfig(strapi).trackingRateLimit;
  const byIp = createRateLimiter(limits.perIp, limits.windowMs);
  const byVisitor = createRateLimiter(limits.perVisitor, limits.windowMs);
  // Built once: building the schema costs as much as validating 20 events.
  const validateEvents = createEventsValidator(pluginConfig(strapi).customEventTypes);

  const limit = (ctx: Context, key: string, cost: number) => {
    if (!byIp.hit(ctx.ip, cost) || !byVisitor.hit(key, cost)) {
      ctx.set('Retry-After', String(byIp.retryAfter()));
      throw new errors.RateLimitError('Too many tracking requests; slow down');
    }
  };

  /** Who the request is about (X-Visitor-Id / ?vid=, or X-Customer-Id with a token), rate-limited. */
  const callerOf = (ctx: Context, cost: number): TrackingCaller => {
    const caller = readTrackingCaller(ctx);
    limit(ctx, 'visitorId' in caller ? caller.visitorId : caller.customerRef, cost);
    return caller;
  };

  const verification = (): IdentityVerification => pluginConfig(strapi).identityVerification;

  /** The JSON body, read and size-capped by tracking/body-limit.ts before the body parser. */
  const bodyOf = (ctx: Context) => trackingBodyOf(ctx);

  return {
    async events(ctx: Context) {
      const body = (bodyOf(ctx) ?? {}) as { events?: unknown[] };
      const caller = callerOf(
        ctx,
        Array.isArray(body.events) ? Math.max(1, body.events.length) : 1
      );
      const events = validateEvents(body);
      const service = getService(strapi, 'tracking');
      const customer =
        'visitorId' in caller
          ? await service.resolveVisitor(caller.visitorId)
          : await service.resolveCustomer(caller.customerRef);
      reply(ctx, 'tracking.events', { data: await service.track(customer, events) });
    },

    /** The same answer whether or not the email or the visitor is known. */
    async identify(ctx: Context) {
      const body = bodyOf(ctx);
      if (ctx.get(IDENTITY_HEADERS.customer))
        throw new errors.ValidationError(
          "identify links the browser's visitor id (X-Visitor-Id); to link a customer from your server use POST /api/segments/server/identify"
        );
      const caller = callerOf(ctx, 1) as { visitorId: string };
      const input = await validate(identifySchema, body, 'identify is not valid');
      const mode = verification();
      assertUserHash(mode, input.email, input.userHash);
      await getService(strapi, 'visitor-identity').identify(caller.visitorId, input, mode.mode);
      reply(ctx, 'tracking.identify', { data: { accepted: true } });
    },

    /** For the site's server (API token): links a visitor id to a customer. */
    async serverIdentify(ctx: Context) {
      const input = await validBody(ctx, serverIdentifySchema, 'identify is not valid');
      const data = await getService(strapi, 'visitor-identity').serverIdentify(input);
      reply(ctx, 'tracking.serverIdentify', { data });
    },

    /** For the site's server (API token): two customers it knows are one person. */
    async serverMerge(ctx: Context) {
      const { into, from } = await validBody(ctx, serverMergeSchema, 'The merge is not valid');
      const data = await getService(strapi, 'visitor-identity').serverMerge(into, from);
      reply(ctx, 'tracking.serverMerge', { data });
    },

    /** The snippet: its API endpoint from the config, or its own URL; never from the request. */
    async script(ctx: Context) {
      ctx.set('Content-Type', 'application/javascript; charset=utf-8');
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.body = trackerScript(trackerEndpoint(strapi));
    },
  };
};

export default tracking;
