import { optionalContentApiAuth } from '../../tracking/optional-auth';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/plugin-config';
import type { PluginRouter } from '../types';

/**
 * The public tracking API. Open to anyone by default, as a tracking pixel must be; with
 * `trackingPublic: false` in the plugin config it needs an API token (or a users-permissions
 * role) allowed to use these actions. Public callers name themselves only by an opaque visitor
 * id; a request with an API token may name a customer (X-Customer-Id), so the open routes still
 * authenticate a request that carries one. The server routes always need an API token.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const open = pluginConfig(strapi).trackingPublic;
  // A fresh object per route: Strapi writes each route's permission scope into its config.
  const tracking = () =>
    open
      ? { auth: false as const, policies: [], middlewares: [optionalContentApiAuth(strapi)] }
      : { policies: [] };
  const token = () => ({ policies: [] });
  return {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/events', handler: 'tracking.events', config: tracking() },
      { method: 'POST', path: '/identify', handler: 'tracking.identify', config: tracking() },
      // For the site's server with an API token (never public): link a visitor id to a customer,
      // and merge two customers it knows to be one person.
      {
        method: 'POST',
        path: '/server/identify',
        handler: 'tracking.serverIdentify',
        config: token(),
      },
      { method: 'POST', path: '/server/merge', handler: 'tracking.serverMerge', config: token() },
      // For a CRM or CDP with an API token (never public): push the members of an external segment.
      {
        method: 'PUT',
        path: '/external-segments/:segmentId/members',
        handler: 'segments.pushMembersByToken',
        config: token(),
      },
      {
        method: 'GET',
        path: '/tracker.js',
        handler: 'tracking.script',
        config: { auth: false as const, policies: [] },
      },
    ],
  } satisfies PluginRouter;
};
