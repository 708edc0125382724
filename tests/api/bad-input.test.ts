import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { countRows } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';
import { TABLE } from '../../contracts/constants';

let strapi: Core.Strapi;
let admin: AdminClient;
const VISITOR = `v${'0123456789abcdef'.repeat(2)}`;

const deepGroup = (depth: number) => {
  let node: object = { kind: 'field', field: 'city', operator: 'equals', value: 'X' };
  for (let i = 0; i < depth; i++) node = { kind: 'group', op: 'and', children: [node] };
  return node;
};

/** A refusal a person can act on: a 400 whose message names what was wrong. */
const refused = (res: request.Response, names: RegExp) => {
  assert.equal(res.status, 400, `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  assert.match(res.body.error.message, names);
};

describe('bad input is a 400 naming the field, never a 500', () => {
  let customer: string;
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    customer = (await admin.post('/segments/customers', { firstName: 'Ann' })).body.data.documentId;
  });
  after(() => stopStrapi(strapi));

  it('a text field given a list, an object or a number', async () => {
    for (const firstName of [[], {}, 12])
      refused(await admin.post('/segments/customers', { firstName }), /firstName must be text/);
    refused(await admin.put(`/segments/customers/${customer}`, { city: ['a'] }), /city/);
    refused(
      await admin.post(`/segments/customers/${customer}/merge`, { sourceDocumentId: [] }),
      /sourceDocumentId/
    );
    refused(await admin.post('/segments/segments', { name: {}, type: 'rule' }), /name/);
    refused(
      await admin.post('/segments/ab-tests', { name: [], conversionEventType: 'Like' }),
      /name/
    );
    refused(
      await admin.post('/segments/customers/bulk-delete', { documentIds: [[]] }),
      /documentIds\[0\]/
    );
    refused(
      await admin.put('/segments/retention', {
        enabled: true,
        days: 90,
        action: 'anonymize',
        exemptTags: [['vip']],
      }),
      /exemptTags\[0\]/
    );
    assert.equal(await countRows(strapi, TABLE.customers), 1, 'nothing was written');
  });

  it('list filters given twice, as a list or as an operator object', async () => {
    refused(await admin.get('/segments/customers?q[]=a'), /q must be text/);
    refused(await admin.get('/segments/customers?q=a&q=b'), /q must be text/);
    refused(await admin.get('/segments/customers?segment[$ne]=x'), /segment must be text/);
  });

  it('a query or a body sent to a route that takes none', async () => {
    refused(
      await admin.get(`/segments/customers/${customer}?populate=*`),
      /no query parameters.*populate/
    );
    refused(
      await admin.post(`/segments/customers/${customer}/anonymize`, { x: 1 }),
      /takes no body/
    );
    const still = await admin.get(`/segments/customers/${customer}`);
    assert.equal(still.body.data.firstName, 'Ann', 'the customer was not anonymized');
  });

  it('rule trees with broken groups, prototype field names or an age out of range', async () => {
    const preview = (rules: object) => admin.post('/segments/segments/preview', { rules });
    for (const children of ['x', 123, {}, [null]])
      assert.equal((await preview({ kind: 'group', op: 'and', children })).status, 400);
    for (const field of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const res = await preview({
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field, operator: 'equals', value: 'a' }],
      });
      assert.equal(res.status, 400, field);
    }
    refused(
      await preview({
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'age', operator: 'gt', value: 1e6 }],
      }),
      /age is at most 150/
    );
  });

  it('input nested past 32 levels: rules 1,000 deep, tags as nested lists', async () => {
    refused(
      await admin.post('/segments/segments/preview', { rules: deepGroup(1000) }),
      /deeper than 32/
    );
    const deepTags = `{"firstName":"Deep","tags":${'['.repeat(5000)}"vip"${']'.repeat(5000)}}`;
    const res = await request(strapi.server.httpServer)
      .post('/segments/customers')
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Content-Type', 'application/json')
      .send(deepTags);
    refused(res, /tags\[0\] must be text/);
  });

  it('public routes: wrong types, prototype keys, deep metadata and a null body', async () => {
    const events = (body: unknown, type = 'application/json') =>
      request(strapi.server.httpServer)
        .post(`/api/segments/events?vid=${VISITOR}`)
        .set('Content-Type', type)
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    for (const field of [
      'url',
      'referrer',
      'utmSource',
      'utmMedium',
      'utmCampaign',
      'utmTerm',
      'utmContent',
    ])
      for (const value of [{}, false, 12])
        refused(await events({ type: 'View', [field]: value }), new RegExp(field));
    const deepMetadata = `{"type":"View","metadata":${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}}`;
    refused(await events(deepMetadata), /32 levels/);
    refused(await events('{"type":"View","__proto__":{"admin":true}}'), /__proto__|prototype/);
    refused(await events('{"type":"View","metadata":{"constructor":{"x":1}}}'), /constructor/);
    assert.equal((await events('null', 'text/plain')).status, 400);
    const identify = await request(strapi.server.httpServer)
      .post(`/api/segments/identify?vid=${VISITOR}`)
      .send({ email: [] });
    refused(identify, /email/);
    assert.equal(await countRows(strapi, TABLE.events), 0, 'no event was recorded');
  });

  it('the server still answers after all of it', async () => {
    assert.equal((await request(strapi.server.httpServer).get('/_health')).status, 204);
  });
});
