import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import routes from '..';
import { defaultConfig } from '../../config/schema';
import { ROUTE_CONTRACTS } from '../contracts';
import { ROUTE_INPUTS } from '../inputs';

// The content-API router reads the plugin config when it is built.
const strapi = { config: { get: () => defaultConfig() } } as unknown as Core.Strapi;

const allRoutes = () => [...routes.admin().routes, ...routes['content-api']({ strapi }).routes];

/** The keys of `table` without a route, and the routes without a key in `table`. */
const mismatch = (table: object) => {
  const handlers: string[] = allRoutes().map((r) => r.handler);
  return {
    routesWithout: handlers.filter((h) => !(h in table)),
    entriesWithoutRoute: Object.keys(table).filter((h) => !handlers.includes(h)),
  };
};

describe('every route declares what it reads', () => {
  it('each route of the plugin has an input entry, and each entry a route', () => {
    assert.deepEqual(
      mismatch(ROUTE_INPUTS),
      { routesWithout: [], entriesWithoutRoute: [] },
      'ROUTE_INPUTS (server/src/routes/inputs.ts) and the route tables differ'
    );
  });

  it('each route runs the request guard before its controller', () => {
    for (const route of allRoutes()) {
      const first = (route.config as { middlewares?: unknown[] }).middlewares?.[0];
      assert.equal(typeof first, 'function', `${route.method} ${route.path}`);
    }
  });
});

describe('every route has a request and a response contract', () => {
  it('the contract registry names each route of the plugin, and only those', () => {
    assert.deepEqual(
      mismatch(ROUTE_CONTRACTS),
      { routesWithout: [], entriesWithoutRoute: [] },
      'ROUTE_CONTRACTS (contracts/api, server/src/routes/inputs.ts) and the route tables differ'
    );
  });

  it('each contract has a success status, and a body shape or a content type', () => {
    for (const route of allRoutes()) {
      const { response } = ROUTE_CONTRACTS[route.handler];
      assert.ok([200, 201, 202].includes(response.status), route.handler);
      if (response.kind === 'json') assert.equal(typeof response.body.check, 'function');
      else assert.match(response.contentType, /^[a-z]+\/[a-z-]+$/, route.handler);
    }
  });

  it('a route that reads a body or a query has the schema the request guard uses', () => {
    for (const route of allRoutes()) {
      const contract = ROUTE_CONTRACTS[route.handler];
      assert.equal(contract.body, ROUTE_INPUTS[route.handler].body, route.handler);
      assert.equal(contract.query, ROUTE_INPUTS[route.handler].query, route.handler);
    }
  });
});
