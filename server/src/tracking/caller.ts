import { errors } from '@strapi/utils';
import {
  CUSTOMER_REF_PATTERN,
  IDENTITY_HEADERS,
  IDENTITY_MESSAGES,
  VISITOR_ID_PATTERN,
} from '../../../contracts/tracking';

/** What Strapi's content-API authentication leaves on `ctx.state.auth`. */
type AuthState = { strategy?: { name?: string }; credentials?: unknown } | undefined;

/**
 * Whether the request came from the site's own server: an API token (or another server-side
 * strategy a site registered). A Users & Permissions login is not trusted to name customers:
 * any visitor of a site with sign-up has one. Public callers have no credentials.
 */
export const isTrustedCaller = (state: { auth?: AuthState } | undefined) => {
  const auth = state?.auth;
  return Boolean(auth?.credentials) && auth?.strategy?.name !== 'users-permissions';
};

/** Who a tracking request is about: the caller's own visitor id, or a customer (trusted only). */
export type TrackingCaller = { visitorId: string } | { customerRef: string };

type Ctx = {
  get(name: string): string;
  query: Record<string, unknown>;
  state: { auth?: AuthState };
};

/**
 * Reads X-Visitor-Id (or ?vid=, which sendBeacon needs) and X-Customer-Id. A public caller names
 * itself only by an opaque visitor id; X-Customer-Id needs a trusted caller. Bad input is a 400
 * that says what to send.
 */
export const readTrackingCaller = (ctx: Ctx): TrackingCaller => {
  const param = ctx.query[IDENTITY_HEADERS.visitorParam];
  const visitor = ctx.get(IDENTITY_HEADERS.visitor) || (typeof param === 'string' ? param : '');
  const customer = ctx.get(IDENTITY_HEADERS.customer);
  if (customer) {
    if (!isTrustedCaller(ctx.state))
      throw new errors.ValidationError(IDENTITY_MESSAGES.customerNeedsToken);
    if (visitor) throw new errors.ValidationError(IDENTITY_MESSAGES.both);
    if (!CUSTOMER_REF_PATTERN.test(customer))
      throw new errors.ValidationError(IDENTITY_MESSAGES.badCustomer);
    return { customerRef: customer };
  }
  if (!visitor)
    throw new errors.ValidationError(
      'Name the visitor in the X-Visitor-Id header (or ?vid=): the id tracker.js keeps'
    );
  if (!VISITOR_ID_PATTERN.test(visitor))
    throw new errors.ValidationError(IDENTITY_MESSAGES.badVisitor);
  return { visitorId: visitor };
};
