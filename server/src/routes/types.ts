import type { Core } from '@strapi/strapi';
import type { Handler } from '../../../contracts/api';

/**
 * A route of the plugin: Strapi's route input, with a handler that has a contract (request in
 * ROUTE_INPUTS, response in contracts/api), so a route without one fails typecheck.
 */
export type PluginRoute = Core.RouteInput & { handler: Handler };

/** A router of the plugin, as Strapi's router config takes it. */
export type PluginRouter = Core.RouterInput & { routes: PluginRoute[] };
