import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import routes from '..';
import { defaultConfig } from '../../config/schema';
import { ROUTE_INPUTS } from '../inputs';

// The content-API router reads the plugin config when it is built.
const strapi = { config: { get: () => defaultConfig() } } as unknown as Core.Strapi;

const allRoutes = () => [...routes.admin().routes, ...routes['content-api']({ strapi }).routes];

describe('every route declares what it reads', () => {
  it('each route of the plugin has an input entry, and each entry a route', () => {
    const handlers = allRoutes().map((r) => r.handler);
    assert.deepEqual(
      handlers.filter((h) => !(h in ROUTE_INPUTS)),
      [],
      'routes without an entry in ROUTE_INPUTS (server/src/routes/inputs.ts)'
    );
    assert.deepEqual(
      Object.keys(ROUTE_INPUTS).filter((h) => !handlers.includes(h)),
      [],
      'entries in ROUTE_INPUTS without a route'
    );
  });

  it('each route runs the request guard before its controller', () => {
    for (const route of allRoutes()) {
      const first = (route.config as { middlewares?: unknown[] }).middlewares?.[0];
      assert.equal(typeof first, 'function', `${route.method} ${route.path}`);
    }
  });
});
