import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type request from 'supertest';
import { PERMISSIONS, type PermissionUid } from '../../contracts/permissions';
import { DEFAULT_RETENTION, type RetentionSettings } from '../../contracts/retention';
import adminRoutes from '../../server/src/routes/admin';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import {
  adminWithPermissions,
  contentManagerRead,
  type AdminClient,
  type RolePermission,
} from '../helpers/users';

/**
 * The permission matrix of the plugin's admin API, generated from its route table: every route
 * is behind an admin login and at least one plugin permission; a role missing any one of a
 * route's permissions is refused with no data; a role holding exactly them gets in. Routes whose
 * controller checks more declare it in EXTRA_CHECKS below and are tried with and without it.
 */

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config?: { policies?: Array<string | { name: string; config?: { actions?: string[] } }> };
}

const ROUTES = adminRoutes().routes as readonly Route[];
const UID_OF_ACTION = new Map<string, string>(
  Object.entries(PERMISSIONS).map(([uid, id]) => [id, uid])
);
/** Fills every path parameter: no entry has it, so writes touch nothing. */
const FAKE_ID = 'nosuchentry0000000000000';
const ARTICLE = 'api::article.article';

const keyOf = (route: Route) => `${route.method} ${route.path}`;
const hasPermissionsOf = (route: Route) =>
  route.config?.policies?.find(
    (p): p is { name: string; config?: { actions?: string[] } } =>
      typeof p === 'object' && p.name === 'admin::hasPermissions'
  );
/** The plugin permissions a route's hasPermissions policy asks for, as uids. */
const actionsOf = (route: Route) =>
  (hasPermissionsOf(route)?.config?.actions ?? []).map(
    (id) => UID_OF_ACTION.get(id) as PermissionUid
  );

interface Attempt {
  query?: string;
  body?: object;
  /** Puts the stored state the controller checks against in place first. */
  prepare?: () => Promise<void>;
}

/** A check a controller makes beyond its route's policies. */
interface ExtraCheck {
  what: string;
  /** What a role needs besides the route's permissions to pass it. */
  also: RolePermission[];
  attempt: Attempt;
  /** How a role holding the route's permissions but not `also` is answered. */
  without: 'refused' | ((res: request.Response) => void);
  /** What a role holding both gets (beyond not being refused). */
  with?: (res: request.Response) => void;
}

let strapi: Core.Strapi;

const storeRetention = (action: RetentionSettings['action']) => async () => {
  await strapi
    .plugin('segments')
    .service('retention')
    .save({ ...DEFAULT_RETENTION, action });
};
const retentionBody = (action: RetentionSettings['action']) => ({
  ...DEFAULT_RETENTION,
  enabled: true,
  action,
});
const everyone = {
  rules: {
    kind: 'group',
    op: 'and',
    children: [{ kind: 'field', field: 'emailDomain', operator: 'isNotEmpty' }],
  },
};

const EXTRA_CHECKS: Record<string, ExtraCheck[]> = {
  'GET /personalization/preview': [
    {
      what: 'Content Manager read of the content type',
      also: [contentManagerRead(ARTICLE)],
      attempt: { query: `uid=${ARTICLE}&documentId=${FAKE_ID}&status=draft` },
      without: 'refused',
    },
  ],
  'POST /segments/preview': [
    {
      what: 'customers.read for the sample of customers',
      also: ['customers.read'],
      attempt: { body: everyone },
      without: (res) => {
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(typeof res.body.data.count, 'number');
        assert.equal(res.body.data.sample, undefined, 'no sample without customers.read');
      },
      with: (res) => assert.ok(Array.isArray(res.body.data.sample), JSON.stringify(res.body)),
    },
  ],
  'PUT /retention': [
    {
      what: 'customers.bulk-update to set retention that deletes',
      also: ['customers.bulk-update'],
      attempt: { body: retentionBody('delete') },
      without: 'refused',
    },
    {
      what: 'customers.anonymize to set retention that anonymizes',
      also: ['customers.anonymize'],
      attempt: { body: retentionBody('anonymize') },
      without: 'refused',
    },
  ],
  'POST /retention/run': [
    {
      what: 'customers.bulk-update to run retention that deletes',
      also: ['customers.bulk-update'],
      attempt: { prepare: storeRetention('delete') },
      without: 'refused',
    },
    {
      what: 'customers.anonymize to run retention that anonymizes',
      also: ['customers.anonymize'],
      attempt: { prepare: storeRetention('anonymize') },
      without: 'refused',
    },
  ],
};

/** One logged-in admin per distinct permission set (the admin login is rate limited per email). */
const clients = new Map<string, Promise<AdminClient>>();
const adminHolding = (permissions: RolePermission[]) => {
  const key = JSON.stringify(permissions.map((p) => JSON.stringify(p)).sort());
  if (!clients.has(key)) clients.set(key, adminWithPermissions(strapi, permissions));
  return clients.get(key)!;
};

const send = async (client: AdminClient, route: Route, attempt: Attempt = {}) => {
  await attempt.prepare?.();
  const path = `/segments${route.path.replace(/:\w+/g, FAKE_ID)}`;
  const url = attempt.query ? `${path}?${attempt.query}` : path;
  switch (route.method) {
    case 'GET':
      return client.get(url);
    case 'DELETE':
      return client.delete(url);
    case 'POST':
      return client.post(url, attempt.body ?? {});
    case 'PUT':
      return client.put(url, attempt.body ?? {});
  }
};

const assertRefused = (res: request.Response, why: string) => {
  assert.equal(res.status, 403, `${why}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.equal(res.body.data ?? null, null, `${why}: no data`);
  assert.deepEqual(
    Object.keys(res.body).filter((k) => k !== 'data' && k !== 'error'),
    [],
    `${why}: nothing but the error`
  );
};

const assertLetIn = (res: request.Response, why: string) => {
  assert.ok(![401, 403].includes(res.status), `${why}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.ok(res.status < 500, `${why}: ${res.status} ${JSON.stringify(res.body)}`);
};

describe('admin route permissions', () => {
  before(async () => {
    strapi = await bootStrapi();
  });
  after(() => stopStrapi(strapi));

  it('puts every admin route behind an admin login and at least one plugin permission', () => {
    assert.ok(ROUTES.length > 0);
    for (const route of ROUTES) {
      const policies = route.config?.policies ?? [];
      assert.ok(
        policies.includes('admin::isAuthenticatedAdmin'),
        `${keyOf(route)} needs admin::isAuthenticatedAdmin`
      );
      const actions = hasPermissionsOf(route)?.config?.actions ?? [];
      assert.ok(actions.length > 0, `${keyOf(route)} needs admin::hasPermissions with an action`);
      for (const id of actions)
        assert.ok(
          UID_OF_ACTION.has(id),
          `${keyOf(route)}: ${id} is not a permission of the plugin`
        );
    }
  });

  it('declares extra checks only for routes that exist', () => {
    const keys = new Set(ROUTES.map(keyOf));
    for (const key of Object.keys(EXTRA_CHECKS)) assert.ok(keys.has(key), `no route ${key}`);
  });

  for (const route of ROUTES) {
    const actions = actionsOf(route);
    const extras = EXTRA_CHECKS[keyOf(route)] ?? [];
    describe(`${keyOf(route)} (${actions.join(', ')})`, () => {
      for (const missing of actions) {
        it(`refuses a role holding everything it needs but ${missing}`, async () => {
          const others = actions.filter((a) => a !== missing);
          for (const extra of extras.length > 0 ? extras : [null]) {
            const client = await adminHolding([...others, ...(extra?.also ?? [])]);
            assertRefused(await send(client, route, extra?.attempt), `without ${missing}`);
          }
        });
      }

      if (extras.length === 0) {
        it('lets in a role holding exactly its permissions', async () => {
          assertLetIn(await send(await adminHolding(actions), route), 'exact role');
        });
      }

      for (const extra of extras) {
        it(`checks ${extra.what}`, async () => {
          const without = await send(await adminHolding(actions), route, extra.attempt);
          if (extra.without === 'refused') assertRefused(without, `without ${extra.what}`);
          else extra.without(without);
          const withIt = await send(
            await adminHolding([...actions, ...extra.also]),
            route,
            extra.attempt
          );
          assertLetIn(withIt, `with ${extra.what}`);
          extra.with?.(withIt);
        });
      }
    });
  }
});
