import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { userHashOf } from '../../server/src/tracking/user-hash';
import { countRows, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { contentApiClient, superAdmin, type AdminClient } from '../helpers/users';
import { customerOfVisitorId, newVisitorId } from '../helpers/visitors';

let strapi: Core.Strapi;
let admin: AdminClient;
let server: Awaited<ReturnType<typeof contentApiClient>>;
const SECRET = 'tracking-test-identity-secret';

/** A browser's request: the visitor names itself by its visitor id. */
const track = (visitor: string | null, body: object) => {
  const req = request(strapi.server.httpServer).post('/api/segments/events');
  return (visitor ? req.set('X-Visitor-Id', visitor) : req).send(body);
};
const identify = (visitor: string, body: { email: string; firstName?: string }) =>
  request(strapi.server.httpServer)
    .post('/api/segments/identify')
    .set('X-Visitor-Id', visitor)
    .send({ ...body, userHash: userHashOf(SECRET, body.email) });
/** The customer a visitor id names, after the request that made it. */
const customerOf = async (visitor: string) => (await customerOfVisitorId(strapi, visitor))!;
const eventsOf = async (documentId: string) =>
  knexOf(strapi)(TABLE.events)
    .where('customer_id', await customerIdOf(strapi, documentId))
    .orderBy('id');
const item = { uid: 'api::article.article', documentId: 'article1' };

describe('tracking what visitors do', () => {
  let known: { documentId: string };

  before(async () => {
    strapi = await bootStrapi();
    strapi.config.set('plugin::segments.identityVerification', {
      secret: SECRET,
      mode: 'required',
    });
    admin = await superAdmin(strapi);
    server = await contentApiClient(strapi, { token: true });
    known = (
      await admin.post('/segments/customers', {
        firstName: 'Known',
        emails: ['known@example.com'],
        referenceId: 'CRM42',
      })
    ).body.data;
  });
  after(() => stopStrapi(strapi));

  it('the profile timeline shows every UTM field of a visit, utmTerm and utmContent too', async () => {
    const visitor = newVisitorId();
    const utm = { utmSource: 's', utmMedium: 'm', utmCampaign: 'c', utmTerm: 't', utmContent: 'k' };
    assert.equal((await track(visitor, { type: 'PageVisit', ...utm })).status, 202);
    const customer = await customerOf(visitor);
    const timeline = await admin.get(`/segments/customers/${customer}/events`);
    assert.deepEqual(
      Object.fromEntries(Object.keys(utm).map((k) => [k, timeline.body.data[0][k]])),
      utm
    );
  });

  it('a date that is not one is refused once, as not a date', async () => {
    const res = await track(newVisitorId(), { type: 'View', occurredAt: 'yesterday' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'occurredAt "yesterday" is not an ISO date');
  });

  it("records events for a customer the site's server names by documentId or reference id", async () => {
    const a = await server
      .post('/api/segments/events', {
        type: 'PageVisit',
        url: 'https://shop.example.com/?utm_source=x',
        utmSource: 'x',
      })
      .set('X-Customer-Id', known.documentId);
    assert.equal(a.status, 202, JSON.stringify(a.body));
    const b = await server
      .post('/api/segments/events', {
        events: [
          { type: 'View', item },
          { type: 'Click', item, metadata: { button: 'buy' } },
        ],
      })
      .set('X-Customer-Id', 'CRM42');
    assert.deepEqual(b.body.data, { recorded: 2 });
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
    const visitor = newVisitorId();
    const before = await countRows(strapi, TABLE.customers);
    const first = await track(visitor, { type: 'PageVisit', url: 'https://shop.example.com/' });
    assert.deepEqual([first.status, first.body], [202, { data: { recorded: 1 } }]);
    await track(visitor, { type: 'PageVisit', url: 'https://shop.example.com/pricing' });
    assert.equal(await countRows(strapi, TABLE.customers), before + 1);
    const anon = (await admin.get(`/segments/customers/${await customerOf(visitor)}`)).body.data;
    assert.deepEqual([anon.source, anon.emails, anon.visitorIds], ['tracking', [], [visitor]]);
    assert.equal((await eventsOf(anon.documentId)).length, 2);
  });

  it('counts a like once per item, and an unlike removes it', async () => {
    const liker = newVisitorId();
    await track(liker, {
      events: [
        { type: 'Like', item },
        { type: 'Like', item },
      ],
    });
    const again = await track(liker, { type: 'Like', item });
    assert.equal(again.body.data.recorded, 0);
    const id = await customerOf(liker);
    assert.deepEqual(
      (await eventsOf(id)).map((e: { type: string }) => e.type),
      ['Like']
    );
    await track(liker, { type: 'Unlike', item });
    assert.deepEqual(await eventsOf(id), []);
  });

  it('merges an anonymous visitor into the known customer when they identify with a valid userHash, keeping the events', async () => {
    const shopper = newVisitorId();
    await track(shopper, { events: [{ type: 'View', item }, { type: 'Conversion' }] });
    const res = await identify(shopper, { email: 'KNOWN@example.com' });
    assert.deepEqual([res.status, res.body], [202, { data: { accepted: true } }]);
    const types = (await eventsOf(known.documentId)).map((e: { type: string }) => e.type);
    assert.ok(types.includes('Conversion'));
    await track(shopper, { type: 'PageVisit' });
    assert.equal(
      await customerOf(shopper),
      known.documentId,
      'the visitor id now names the known customer'
    );
  });

  it('attaches a new email and names to the visitor', async () => {
    const visitor = newVisitorId();
    await track(visitor, { type: 'PageVisit' });
    const anonymous = await customerOf(visitor);
    const res = await identify(visitor, { email: 'new@example.com', firstName: 'Nina' });
    assert.deepEqual([res.status, res.body], [202, { data: { accepted: true } }]);
    const profile = (await admin.get(`/segments/customers/${anonymous}`)).body.data;
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
    await strapi.plugin('segments').service('segment-refresh').idle();
    const buyer = newVisitorId();
    await track(buyer, { type: 'Conversion' });
    await strapi.plugin('segments').service('segment-refresh').idle();
    const profile = (await admin.get(`/segments/customers/${await customerOf(buyer)}`)).body.data;
    assert.deepEqual(
      profile.segments.map((s: { segmentId: string }) => s.segmentId),
      ['buyers']
    );
  });

  it('answers 400 to each kind of bad event and records nothing', async () => {
    const before = await countRows(strapi, TABLE.events);
    const bad = newVisitorId();
    const cases: [string | null, object, RegExp][] = [
      [bad, { type: 'Teleport' }, /Event type "Teleport" is not known/],
      [bad, { type: 'View', metadata: { blob: 'x'.repeat(5000) } }, /metadata may hold 4096 bytes/],
      [bad, { type: 'View', occurredAt: 'yesterday' }, /not an ISO date/],
      [bad, { type: 'View', occurredAt: '2999-01-01T00:00:00Z' }, /may not be in the future/],
      [
        bad,
        { events: Array.from({ length: 101 }, () => ({ type: 'View' })) },
        /100 events at most/,
      ],
      [bad, { type: 'View', password: 'x' }, /password is not a field of an event/],
      [null, { type: 'View' }, /Name the visitor in the X-Visitor-Id header/],
      ['bad visitor!', { type: 'View' }, /X-Visitor-Id must be an opaque visitor id/],
      ['CRM42', { type: 'View' }, /22 to 100 letters/],
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
    const burst = newVisitorId();
    for (let i = 0; i < 8; i++) statuses.push((await track(burst, batch)).status);
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

  it("never takes the snippet's API origin from the request: a poisoned Host or X-Forwarded-Host is not in it", async () => {
    const poisoned = await request(strapi.server.httpServer)
      .get('/api/segments/tracker.js')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil-forwarded.example')
      .set('X-Forwarded-Proto', 'https');
    assert.equal(poisoned.status, 200);
    assert.doesNotMatch(poisoned.text, /evil/);
    assert.match(poisoned.text, /currentScript/, 'unconfigured, it posts next to its own URL');
    strapi.config.set('plugin::segments.trackerApiOrigin', 'https://cms.example.com');
    try {
      const configured = await request(strapi.server.httpServer)
        .get('/api/segments/tracker.js')
        .set('Host', 'evil.example');
      assert.match(configured.text, /"https:\/\/cms\.example\.com\/api\/segments"/);
      assert.doesNotMatch(configured.text, /evil/);
    } finally {
      strapi.config.set('plugin::segments.trackerApiOrigin', null);
    }
  });
});
