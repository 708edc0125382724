import type { Core } from '@strapi/strapi';
import { isTrustedCaller } from '../tracking/caller';
import { readVisitorInput } from './headers';
import { createVisitor, type Visitor } from './visitor';

const STATE_KEY = 'segmentsPersonalization';

/** What one content API request carries through Koa and the Document Service middleware. */
export interface RequestPersonalization {
  personalize: boolean;
  /** A GraphQL request (REST otherwise). */
  graphql: boolean;
  /** Set when a content type with an audience was read: the response then varies by visitor. */
  used: boolean;
  /**
   * The visitor, read from the headers and preview parameters on first use (bad: a 400 then),
   * after Strapi's authentication: whether X-Customer-Id is allowed depends on the caller.
   */
  visitor(): Promise<Visitor>;
  created(): Visitor | null;
}

type Ctx = {
  state: Record<string, any>;
  headers: Record<string, string | string[] | undefined>;
};

export const createRequestState = (
  strapi: Core.Strapi,
  ctx: Ctx,
  personalize: boolean,
  graphql = false,
  params: Record<string, unknown> = {}
): RequestPersonalization => {
  let visitor: Promise<Visitor> | null = null;
  let ready: Visitor | null = null;
  const state: RequestPersonalization = {
    personalize,
    graphql,
    used: false,
    visitor: () => {
      const trusted = isTrustedCaller(ctx.state);
      return (visitor ??= readVisitorInput(ctx.headers, params, trusted).then((input) => {
        ready = createVisitor(strapi, input, personalize, trusted);
        return ready;
      }));
    },
    created: () => ready,
  };
  ctx.state[STATE_KEY] = state;
  return state;
};

/** The personalization of the current request, when it is a content API request. */
export const currentRequestState = (strapi: Core.Strapi): RequestPersonalization | null => {
  const ctx = strapi.requestContext.get() as Ctx | undefined;
  const state = ctx?.state?.[STATE_KEY] as RequestPersonalization | undefined;
  if (!state || ctx?.state?.route?.info?.type !== 'content-api') return null;
  return state;
};
