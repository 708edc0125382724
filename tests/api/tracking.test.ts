import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { countRows, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const track = (visitor: string | null, body: object) => {
  const req = request(strapi.server.httpServer).post('/api/segments/events');
  return (visitor ? req.set('X-Customer-Id', visitor) : req).send(body);
};
const eventsOf = async (documentId: string) =>
  knexOf(strapi)(TABLE.events)
    .where('customer_id', await customerIdOf(strapi, documentId))
    .orderBy('id');
const item = { uid: 'api::article.article', documentId: 'article1' };

describe('tracking what visitors do', () => {
  let known: { documentId: string };

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    known = (
      await admin.post('/segments/customers', {
        firstName: 'Known',
        emails: ['known@example.com'],
        referenceId: 'CRM42',
      })
    ).body.data;
  });
  after(() => stopStrapi(strapi));

  it('records events for a customer named by documentId or reference id', async () => {
    const a = await track(known.documentId, {
      type: 'PageVisit',
      url: 'https://shop.example.com/?utm_source=x',
      utmSource: 'x',
    });
    assert.equal(a.status, 202, JSON.stringify(a.body));
    const b = await track('CRM42', {
      events: [
        { type: 'View', item },
        { type: 'Click', item, metadata: { button: 'buy' } },
      ],
    });
    assert.deepEqual(b.body.data, { customerId: known.documentId, recorded: 2 });
    const events = await eventsOf(known.documentId);
    assert.deepEqual(
      events.map((e: { type: string }) => e.type),
      ['PageVisit', 'View', 'Click']
    );
    assert.equal(events[0].utm_source, 'x');
    const profile = (await admin.get(`/segments/customers/${known.documentId}`)).body.data;
    assert.ok(profile.lastActivityAt, 'latest activity comes from the events');
    assert.ok(
      Math.abs(Date.parse(profile.lastActivityAt) - Date.now()) < 60_000,
      `latest activity is now, not ${profile.lastActivityAt}`
    );
    const click = events[2];
    assert.deepEqual(
      typeof click.metadata === 'string' ? JSON.parse(click.metadata) : click.metadata,
      { button: 'buy' }
    );
    assert.equal(click.item_document_id, item.documentId);
  });

  it('creates an anonymous customer for an unknown visitor id, and finds it again', async () => {
    const first = await track('v-anon-1', { type: 'PageVisit', url: 'https://shop.example.com/' });
    const again = await track('v-anon-1', {
      type: 'PageVisit',
      url: 'https://shop.example.com/pricing',
    });
    assert.equal(first.body.data.customerId, again.body.data.customerId);
    const anon = (await admin.get(`/segments/customers/${first.body.data.customerId}`)).body.data;
    assert.deepEqual([anon.source, anon.emails, anon.visitorIds], ['tracking', [], ['v-anon-1']]);
  });

  it('counts a like once per item, and an unlike removes it', async () => {
    await track('v-liker', {
      events: [
        { type: 'Like', item },
        { type: 'Like', item },
      ],
    });
    const again = await track('v-liker', { type: 'Like', item });
    assert.equal(again.body.data.recorded, 0);
    const id = again.body.data.customerId;
    assert.deepEqual(
      (await eventsOf(id)).map((e: { type: string }) => e.type),
      ['Like']
    );
    await track('v-liker', { type: 'Unlike', item });
    assert.deepEqual(await eventsOf(id), []);
  });

  it('merges an anonymous visitor into the known customer when they identify, keeping the events', async () => {
    await track('v-shopper', { events: [{ type: 'View', item }, { type: 'Conversion' }] });
    const res = await request(strapi.server.httpServer)
      .post('/api/segments/identify')
      .set('X-Customer-Id', 'v-shopper')
      .send({ email: 'KNOWN@example.com' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data, { customerId: known.documentId, merged: true });
    const types = (await eventsOf(known.documentId)).map((e: { type: string }) => e.type);
    assert.ok(types.includes('Conversion'));
    const next = await track('v-shopper', { type: 'PageVisit' });
    assert.equal(
      next.body.data.customerId,
      known.documentId,
      'the visitor id now names the known customer'
    );
  });

  it('attaches a new email and names to the visitor', async () => {
    const visit = await track('v-new', { type: 'PageVisit' });
    const res = await request(strapi.server.httpServer)
      .post('/api/segments/identify')
      .set('X-Customer-Id', 'v-new')
      .send({ email: 'new@example.com', firstName: 'Nina' });
    assert.deepEqual(res.body.data, { customerId: visit.body.data.customerId, merged: false });
    const profile = (await admin.get(`/segments/customers/${visit.body.data.customerId}`)).body
      .data;
    assert.deepEqual([profile.emails, profile.firstName], [['new@example.com'], 'Nina']);
  });

  it('moves the customer into a rule segment within moments of the event', async () => {
    const segment = await admin.post('/segments/segments', {
      name: 'Buyers',
      rules: {
        kind: 'group',
        op: 'and',
        children: [
          {
            kind: 'event',
            did: true,
            eventType: 'Conversion',
            target: { type: 'any' },
            count: { operator: 'atLeast', value: 1 },
            window: { type: 'lastDays', days: 7 },
          },
        ],
      },
    });
    assert.equal(segment.status, 201);
    await strapi.plugin('segments').service('segment-engine').idle();
    const res = await track('v-buyer', { type: 'Conversion' });
    await strapi.plugin('segments').service('segment-engine').idle();
    const profile = (await admin.get(`/segments/customers/${res.body.data.customerId}`)).body.data;
    assert.deepEqual(
      profile.segments.map((s: { segmentId: string }) => s.segmentId),
      ['buyers']
    );
  });

  it('answers 400 to each kind of bad event and records nothing', async () => {
    const before = await countRows(strapi, TABLE.events);
    const cases: [string | null, object, RegExp][] = [
      ['v-bad', { type: 'Teleport' }, /Event type "Teleport" is not known/],
      [
        'v-bad',
        { type: 'View', metadata: { blob: 'x'.repeat(5000) } },
        /metadata may hold 4096 bytes/,
      ],
      ['v-bad', { type: 'View', occurredAt: 'yesterday' }, /not an ISO date/],
      ['v-bad', { type: 'View', occurredAt: '2999-01-01T00:00:00Z' }, /may not be in the future/],
      [
        'v-bad',
        { events: Array.from({ length: 101 }, () => ({ type: 'View' })) },
        /100 events at most/,
      ],
      ['v-bad', { type: 'View', password: 'x' }, /password is not a field of an event/],
      [null, { type: 'View' }, /X-Customer-Id/],
      ['bad visitor!', { type: 'View' }, /X-Customer-Id/],
    ];
    for (const [visitor, body, message] of cases) {
      const res = await track(visitor, body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(res.body.error.message, message);
    }
    assert.equal(await countRows(strapi, TABLE.events), before);
  });

  it('answers 429 to a burst from one visitor', async () => {
    const batch = { events: Array.from({ length: 100 }, () => ({ type: 'PageVisit' })) };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await track('v-burst', batch)).status);
    assert.deepEqual(statuses.slice(0, 6), [202, 202, 202, 202, 202, 202]);
    assert.equal(statuses[7], 429);
  });

  it('serves the tracking snippet, small and without dependencies', async () => {
    const res = await request(strapi.server.httpServer).get('/api/segments/tracker.js');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /application\/javascript/);
    assert.ok(gzipSync(res.text).length < 3 * 1024, `${gzipSync(res.text).length} bytes gzipped`);
    assert.doesNotMatch(res.text, /\brequire\(|\bimport\s/);
    assert.match(res.text, /sendBeacon/);
  });
});
