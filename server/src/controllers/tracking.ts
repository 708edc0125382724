import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { identifySchema, VISITOR_ID_PATTERN } from '../../../contracts/tracking';
import { trackingBodyOf } from '../tracking/body-limit';
import { createRateLimiter } from '../tracking/rate-limit';
import { trackerScript } from '../tracking/tracker-script';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';
import { createEventsValidator } from '../tracking/events-validator';

type Limits = { windowMs: number; perIp: number; perVisitor: number };

/** The public tracking API: events, identify, and the snippet. */
const tracking = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (key: string) => strapi.plugin('segments').config(key);
  const limits = config('trackingRateLimit') as Limits;
  const byIp = createRateLimiter(limits.perIp, limits.windowMs);
  const byVisitor = createRateLimiter(limits.perVisitor, limits.windowMs);
  // Built once: building the schema costs as much as validating 20 events.
  const validateEvents = createEventsValidator(config('customEventTypes') as string[]);

  /** The visitor (header, or ?vid= for sendBeacon, which cannot set headers), rate-limited. */
  const visitorOf = (ctx: Context, cost: number) => {
    const visitor = String(ctx.get('X-Customer-Id') || ctx.query.vid || '');
    if (!VISITOR_ID_PATTERN.test(visitor)) {
      throw new errors.ValidationError(
        'Name the visitor in the X-Customer-Id header: a customer id, a reference id or a visitor id (letters, digits, - and _, up to 100)'
      );
    }
    if (!byIp.hit(ctx.ip, cost) || !byVisitor.hit(visitor, cost)) {
      ctx.set('Retry-After', String(byIp.retryAfter()));
      throw new errors.RateLimitError('Too many tracking requests; slow down');
    }
    return visitor;
  };

  /** The JSON body, read and size-capped by tracking/body-limit.ts before the body parser. */
  const bodyOf = (ctx: Context) => trackingBodyOf(ctx);

  return {
    async events(ctx: Context) {
      const body = bodyOf(ctx) as { events?: unknown[] };
      const visitor = visitorOf(
        ctx,
        Array.isArray(body.events) ? Math.max(1, body.events.length) : 1
      );
      const events = validateEvents(body);
      ctx.status = 202;
      ctx.body = { data: await getService(strapi, 'tracking').track(visitor, events) };
    },

    async identify(ctx: Context) {
      const body = bodyOf(ctx);
      const visitor = visitorOf(ctx, 1);
      const input = await validate(identifySchema, body, 'identify is not valid');
      ctx.body = { data: await getService(strapi, 'tracking').identify(visitor, input) };
    },

    async script(ctx: Context) {
      ctx.set('Content-Type', 'application/javascript; charset=utf-8');
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.body = trackerScript(`${ctx.origin}/api/segments`);
    },
  };
};

export default tracking;
