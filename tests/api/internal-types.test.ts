import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { TABLE, UID } from '../../contracts/constants';
import { addEvents, addSegmentWithMembers, countRows, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
const tokens: Record<'read-only' | 'full-access', string> = { 'read-only': '', 'full-access': '' };

/** Values seeded into the plugin's types: none may appear in any answer to a token. */
const SECRETS = ['Geheim', 'Verborgen', 'CRMSECRET7', 'secret-segment-name'];

const withToken = (test: request.Test, token: string) =>
  test.set('Authorization', `Bearer ${token}`);
const graphql = (token: string, query: string) =>
  withToken(request(strapi.server.httpServer).post('/graphql'), token).send({ query });
const assertLeaksNothing = (res: request.Response) => {
  for (const secret of SECRETS) assert.ok(!res.text.includes(secret), `${secret} in ${res.text}`);
};

/** The plugin's own actions in a permission list: its controllers and their actions. */
const pluginControllers = (actions: Record<string, { controllers: Record<string, object> }>) =>
  Object.fromEntries(
    Object.entries(actions['plugin::segments']?.controllers ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? value : Object.keys(value),
    ])
  ) as Record<string, string[]>;
const CONTENT_TYPE_NAMES = Object.values(UID).map((uid) => uid.split('.')[1]);
const assertNoContentTypeActions = (controllers: Record<string, string[]>) => {
  for (const name of CONTENT_TYPE_NAMES) assert.equal(controllers[name], undefined, name);
  for (const [name, actions] of Object.entries(controllers)) {
    for (const crud of ['find', 'findOne', 'create', 'update', 'delete']) {
      assert.ok(!actions.includes(crud), `${name}.${crud} is listed`);
    }
  }
  assert.deepEqual(controllers.tracking?.filter((a) => a !== 'script').sort(), [
    'events',
    'identify',
    'serverIdentify',
    'serverMerge',
  ]);
  assert.ok(controllers.segments?.includes('pushMembersByToken'));
};

describe("the plugin's own types are not content", () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    const created = await admin.post('/segments/customers', {
      firstName: 'Geheim',
      lastName: 'Verborgen',
      referenceId: 'CRMSECRET7',
      emails: ['geheim@example.com'],
    });
    assert.equal(created.status, 201, created.text);
    const customer = created.body.data;
    const id = await customerIdOf(strapi, customer.documentId);
    await addEvents(strapi, id, [{ type: 'PageVisit', occurredAt: new Date() }]);
    await addSegmentWithMembers(strapi, 'secret-segment-name', [id]);
    for (const type of ['read-only', 'full-access'] as const) {
      tokens[type] = (
        await strapi
          .service('admin::api-token')
          .create({ name: `${type} site token`, type, lifespan: null })
      ).accessKey;
    }
  });
  after(() => stopStrapi(strapi));

  for (const type of ['read-only', 'full-access'] as const) {
    it(`refuses to list customers, events and segments to a ${type} token through GraphQL`, async () => {
      for (const query of [
        '{ segmentsCustomers { firstName lastName dateOfBirth street city referenceId } }',
        '{ segmentsCustomers_connection { nodes { firstName } } }',
        '{ segmentsEvents { type occurredAt } }',
        '{ segmentsSegments { name segmentId } }',
      ]) {
        const res = await graphql(tokens[type], query);
        assert.equal(res.status, 400, `${query}: ${res.text}`);
        assert.ok(!res.body.data, `${query} answered data: ${res.text}`);
        assert.match(res.body.errors?.[0]?.message ?? '', /Cannot query field/);
        assertLeaksNothing(res);
      }
    });

    it(`refuses to list them to a ${type} token through REST`, async () => {
      for (const path of [
        '/api/segments/customers',
        '/api/segments/customer',
        '/api/segments/events',
        '/api/segments/segments',
        '/api/customers',
        '/api/segments-customers',
      ]) {
        const res = await withToken(request(strapi.server.httpServer).get(path), tokens[type]);
        assert.equal(res.status, 404, `${path}: ${res.text}`);
        assert.equal(res.body.data, null);
        assertLeaksNothing(res);
      }
    });
  }

  it('gives a full-access token no GraphQL mutation of them', async () => {
    const before = await countRows(strapi, TABLE.customers);
    const res = await graphql(
      tokens['full-access'],
      'mutation { createSegmentsCustomer(data: { firstName: "Injected" }) { documentId } }'
    );
    assert.equal(res.status, 400, res.text);
    assert.equal(await countRows(strapi, TABLE.customers), before);
  });

  it('leaves them out of the GraphQL schema', async () => {
    const res = await graphql(
      tokens['full-access'],
      '{ __schema { types { name } queryType { fields { name } } mutationType { fields { name } } } }'
    );
    assert.equal(res.status, 200, res.text);
    const schema = res.body.data.__schema;
    const fields = [...schema.queryType.fields, ...schema.mutationType.fields].map(
      (f: { name: string }) => f.name
    );
    assert.deepEqual(
      fields.filter((name: string) => /segments/i.test(name)),
      []
    );
    assert.deepEqual(
      schema.types.map((t: { name: string }) => t.name).filter((n: string) => /^Segments/.test(n)),
      []
    );
    assert.ok(fields.includes('promos'), 'site content is still served');
  });

  it("lists none of their actions among an API token's permissions", async () => {
    const res = await admin.get('/admin/content-api/permissions');
    assert.equal(res.status, 200, res.text);
    assertNoContentTypeActions(pluginControllers(res.body.data));
  });

  it("lists none of their actions among users-permissions' role permissions", async () => {
    const res = await admin.get('/users-permissions/permissions');
    assert.equal(res.status, 200, res.text);
    assertNoContentTypeActions(pluginControllers(res.body.permissions));
  });
});
