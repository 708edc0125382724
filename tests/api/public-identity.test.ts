import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { userHashOf } from '../../server/src/tracking/user-hash';
import { countRows, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { contentApiClient, superAdmin, type AdminClient } from '../helpers/users';
import { allowPublic, customerOfVisitorId, newVisitorId } from '../helpers/visitors';

/**
 * The public tracking and content API as an attacker sees it: no login, guessable reference
 * ids, documentIds seen somewhere, emails to try. Each test fails on the code before public
 * identity (X-Customer-Id from anyone, identify merging on any email).
 */
const SECRET = 'public-identity-test-secret';
const PROMO = 'api::promo.promo';
const item = { uid: 'api::article.article', documentId: 'article1' };
/** A reference id long enough to pass as a visitor id: it must still name nobody. */
const LONG_REFERENCE = 'CRM0000000000000000000077';

let strapi: Core.Strapi;
let admin: AdminClient;
let server: Awaited<ReturnType<typeof contentApiClient>>;
let victim: { documentId: string };
let longRef: { documentId: string };
let owner: { documentId: string };

const http = () => request(strapi.server.httpServer);
const verification = (mode: 'required' | 'off', secret: string | null = SECRET) =>
  strapi.config.set('plugin::segments.identityVerification', { secret, mode });
const identityIdle = () => strapi.plugin('segments').service('visitor-identity').idle();

const createCustomer = async (body: object) => {
  const res = await admin.post('/segments/customers', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data as { documentId: string };
};
const profile = async (documentId: string) => {
  const res = await admin.get(`/segments/customers/${documentId}`);
  return res.status === 200 ? res.body.data : null;
};
const eventTypes = async (documentId: string) =>
  (
    await knexOf(strapi)(TABLE.events)
      .where('customer_id', await customerIdOf(strapi, documentId))
      .orderBy('id')
  ).map((e: { type: string }) => e.type);

/** What an attacker could change about a known customer, to compare before and after. */
const snapshot = async (documentId: string) => {
  const p = await profile(documentId);
  return p && { emails: p.emails, firstName: p.firstName, events: await eventTypes(documentId) };
};

const anonymousVisitor = async (events: object[] = [{ type: 'PageVisit' }]) => {
  const visitor = newVisitorId();
  // ?vid=, as the snippet sends it (sendBeacon cannot set headers)
  const res = await http().post('/api/segments/events').query({ vid: visitor }).send({ events });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return { visitor, customer: (await customerOfVisitorId(strapi, visitor))! };
};

const promoTitles = (body: { data: { title: string }[] }) => body.data.map((p) => p.title).sort();

describe('public identity: visitors name only themselves', () => {
  before(async () => {
    strapi = await bootStrapi();
    verification('required');
    admin = await superAdmin(strapi);
    server = await contentApiClient(strapi, { token: true });
    await allowPublic(strapi, [`${PROMO}.find`, `${PROMO}.findOne`]);
    victim = await createCustomer({
      firstName: 'Vera',
      emails: ['vera@example.com'],
      referenceId: 'CRM1001',
    });
    longRef = await createCustomer({ firstName: 'Lena', referenceId: LONG_REFERENCE });
    owner = await createCustomer({
      firstName: 'Olga',
      emails: ['owner@example.com'],
      referenceId: 'CRM2002',
    });
    const segment = (
      await admin.post('/segments/segments', {
        name: 'VIP members',
        segmentId: 'vip-members',
        kind: 'external',
      })
    ).body.data;
    await admin.put(`/segments/segments/${segment.documentId}/members`, {
      emails: ['owner@example.com'],
    });
    await strapi.documents(PROMO).create({
      data: { title: 'VIP only', audience: { segment: 'vip-members' } } as any,
    });
    await strapi.documents(PROMO).create({ data: { title: 'For everyone' } as any });
    for (const who of [victim, longRef]) {
      const res = await server
        .post('/api/segments/events', { events: [{ type: 'PageVisit' }, { type: 'Like', item }] })
        .set('X-Customer-Id', who.documentId);
      assert.equal(res.status, 202, JSON.stringify(res.body));
    }
  });
  after(async () => {
    await identityIdle();
    await stopStrapi(strapi);
  });

  it('cannot merge a known customer or give them an email by naming their reference id or documentId in identify', async () => {
    const before = {
      victim: await snapshot(victim.documentId),
      longRef: await snapshot(longRef.documentId),
    };
    const owned = await snapshot(owner.documentId);
    // The attacker is a real user of the site: it has a valid userHash for its own email.
    const attempts = [
      (r: request.Test) => r.set('X-Customer-Id', 'CRM1001'),
      (r: request.Test) => r.set('X-Customer-Id', victim.documentId),
      (r: request.Test) => r.set('X-Visitor-Id', victim.documentId),
      (r: request.Test) => r.set('X-Visitor-Id', LONG_REFERENCE),
      (r: request.Test) => r.query({ vid: 'CRM1001' }),
    ];
    for (const mode of ['required', 'off'] as const) {
      verification(mode);
      for (const email of ['attacker@example.com', 'owner@example.com']) {
        for (const name of attempts) {
          for (const userHash of [undefined, userHashOf(SECRET, email)]) {
            const res = await name(http().post('/api/segments/identify')).send({
              email,
              firstName: 'Mallory',
              ...(userHash && { userHash }),
            });
            assert.ok([202, 400, 403].includes(res.status), `${res.status} ${res.text}`);
            assert.doesNotMatch(res.text, new RegExp(`${victim.documentId}|${owner.documentId}`));
          }
        }
      }
      await identityIdle();
    }
    verification('required');
    assert.deepEqual(await snapshot(victim.documentId), before.victim, 'the victim is intact');
    assert.deepEqual(await snapshot(longRef.documentId), before.longRef);
    assert.deepEqual((await snapshot(owner.documentId))!.events, owned!.events);
  });

  it('answers identify the same for a known and an unknown email, in both modes', async () => {
    for (const mode of ['off', 'required'] as const) {
      verification(mode);
      const answers = [];
      for (const email of ['owner@example.com', 'nobody-here@example.com']) {
        const { visitor } = await anonymousVisitor();
        const res = await http()
          .post('/api/segments/identify')
          .query({ vid: visitor })
          .send({ email, ...(mode === 'required' && { userHash: userHashOf(SECRET, email) }) });
        answers.push({ status: res.status, body: res.body });
      }
      assert.deepEqual(answers[0], answers[1], mode);
      assert.deepEqual(answers[0], { status: 202, body: { data: { accepted: true } } });
      // Without a userHash the refusal does not depend on the email either.
      verification('required');
      const refused = [];
      for (const email of ['owner@example.com', 'nobody-here@example.com'])
        refused.push(
          await http()
            .post('/api/segments/identify')
            .set('X-Visitor-Id', newVisitorId())
            .send({ email })
        );
      assert.deepEqual(
        refused.map((r) => [r.status, r.body]),
        [refused[0], refused[0]].map((r) => [r.status, r.body])
      );
      assert.equal(refused[0].status, 403);
    }
    await identityIdle();
    verification('required');
  });

  it("does not put events sent with a customer's reference id or documentId in their timeline, and answers no documentId", async () => {
    const before = await eventTypes(victim.documentId);
    const old = await http()
      .post('/api/segments/events')
      .set('X-Customer-Id', 'CRM1001')
      .send({ type: 'Conversion' });
    assert.equal(old.status, 400);
    assert.match(old.body.error.message, /API token .* browsers send X-Visitor-Id/);
    const short = await http()
      .post('/api/segments/events')
      .set('X-Visitor-Id', 'CRM1001')
      .send({ type: 'Conversion' });
    assert.equal(short.status, 400);
    for (const id of [victim.documentId, LONG_REFERENCE]) {
      const res = await http()
        .post('/api/segments/events')
        .set('X-Visitor-Id', id)
        .send({ type: 'Conversion' });
      assert.deepEqual([res.status, res.body], [202, { data: { recorded: 1 } }]);
    }
    assert.deepEqual(await eventTypes(victim.documentId), before);
    assert.deepEqual(await eventTypes(longRef.documentId), ['PageVisit', 'Like']);
  });

  it("cannot remove a known customer's events with undo events", async () => {
    for (const name of [
      (r: request.Test) => r.set('X-Customer-Id', 'CRM1001'),
      (r: request.Test) => r.set('X-Customer-Id', victim.documentId),
      (r: request.Test) => r.set('X-Visitor-Id', victim.documentId),
      (r: request.Test) => r.set('X-Visitor-Id', LONG_REFERENCE),
    ])
      await name(http().post('/api/segments/events')).send({ type: 'Unlike', item });
    assert.ok((await eventTypes(victim.documentId)).includes('Like'));
    assert.ok((await eventTypes(longRef.documentId)).includes('Like'));
  });

  it('links a visitor who proves their email with a userHash: their events join the customer, whose content they then get', async () => {
    const { visitor, customer } = await anonymousVisitor([{ type: 'Conversion' }]);
    const res = await http()
      .post('/api/segments/identify')
      .set('X-Visitor-Id', visitor)
      .send({ email: ' Owner@Example.com ', userHash: userHashOf(SECRET, 'owner@example.com') });
    assert.deepEqual([res.status, res.body], [202, { data: { accepted: true } }]);
    assert.equal(await customerOfVisitorId(strapi, visitor), owner.documentId);
    assert.equal(await profile(customer), null, 'the anonymous profile merged away');
    assert.ok((await eventTypes(owner.documentId)).includes('Conversion'));
    const read = await http().get('/api/promos').set('X-Visitor-Id', visitor);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(promoTitles(read.body), ['For everyone', 'VIP only']);
    assert.deepEqual(read.body.meta.personalization, {
      personalized: true,
      segments: ['vip-members'],
      variants: {},
    });
  });

  it('refuses in identify, server identify and a members push every email the customer form refuses, and stores none', async () => {
    verification('required');
    // Each passes yup's email() but not the customer form's rule.
    const refused = ['jan@intranet', 'jan@example.c', 'jan.@example'];
    for (const email of refused) {
      const form = await admin.post('/segments/customers', { emails: [email] });
      assert.equal(form.status, 400, `the form takes ${email}`);
      const { visitor } = await anonymousVisitor();
      const identify = await http()
        .post('/api/segments/identify')
        .set('X-Visitor-Id', visitor)
        .send({ email, userHash: userHashOf(SECRET, email) });
      assert.equal(identify.status, 400, `identify takes ${email}`);
      const serverIdentify = await server.post('/api/segments/server/identify', {
        visitorId: visitor,
        email,
      });
      assert.equal(serverIdentify.status, 400, `server identify takes ${email}`);
      const push = await server.put('/api/segments/external-segments/vip-members/members', {
        emails: [email],
      });
      assert.equal(push.status, 400, `a members push takes ${email}`);
    }
    await identityIdle();
    const stored = await knexOf(strapi)(TABLE.emails).whereIn('normalized', refused);
    assert.deepEqual(stored, []);
  });

  it('moves only the visitor id when a verified visitor was another known person: two customers are never merged', async () => {
    const visitor = newVisitorId();
    const link = await server.post('/api/segments/server/identify', {
      visitorId: visitor,
      email: 'partner@example.com',
    });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    const partner = link.body.data.documentId;
    const res = await http()
      .post('/api/segments/identify')
      .set('X-Visitor-Id', visitor)
      .send({ email: 'owner@example.com', userHash: userHashOf(SECRET, 'owner@example.com') });
    assert.equal(res.status, 202);
    assert.equal(await customerOfVisitorId(strapi, visitor), owner.documentId);
    assert.deepEqual((await profile(partner)).emails, ['partner@example.com']);
    assert.deepEqual((await profile(owner.documentId)).emails, ['owner@example.com']);
  });

  it('refuses a missing or wrong userHash, or a site without a secret, with 403 and changes nothing', async () => {
    const { visitor, customer } = await anonymousVisitor([{ type: 'Conversion' }]);
    const owned = await eventTypes(owner.documentId);
    const send = (body: object) =>
      http().post('/api/segments/identify').set('X-Visitor-Id', visitor).send(body);
    const missing = await send({ email: 'owner@example.com' });
    const wrong = await send({
      email: 'owner@example.com',
      userHash: userHashOf(SECRET, 'attacker@example.com'),
    });
    verification('required', null);
    const noSecret = await send({
      email: 'owner@example.com',
      userHash: userHashOf(SECRET, 'owner@example.com'),
    });
    verification('required');
    assert.deepEqual(
      [missing.status, wrong.status, noSecret.status],
      [403, 403, 403],
      JSON.stringify([missing.body, wrong.body, noSecret.body])
    );
    assert.match(missing.body.error.message, /needs a userHash/);
    assert.match(wrong.body.error.message, /userHash does not match/);
    assert.match(noSecret.body.error.message, /identityVerification.secret/);
    assert.equal(await customerOfVisitorId(strapi, visitor), customer);
    assert.deepEqual(await eventTypes(owner.documentId), owned);
  });

  it("with verification off, moves the visitor's anonymous data into the owner and shows the visitor none of the owner's segments", async () => {
    verification('off', null);
    try {
      const { visitor, customer } = await anonymousVisitor([{ type: 'SignUp' }]);
      const res = await http()
        .post('/api/segments/identify')
        .query({ vid: visitor })
        .send({ email: 'owner@example.com', firstName: 'Mallory' });
      assert.deepEqual([res.status, res.body], [202, { data: { accepted: true } }]);
      await identityIdle();
      assert.ok((await eventTypes(owner.documentId)).includes('SignUp'), 'the data moved in');
      assert.equal(await profile(customer), null);
      assert.equal(await customerOfVisitorId(strapi, visitor), null, 'the visitor id is detached');
      assert.equal((await profile(owner.documentId)).firstName, 'Olga');
      const read = await http().get('/api/promos').set('X-Visitor-Id', visitor);
      assert.deepEqual(promoTitles(read.body), ['For everyone']);
      assert.deepEqual(read.body.meta.personalization.segments, []);

      // A visitor that is already a known person is left alone.
      const known = newVisitorId();
      await server.post('/api/segments/server/identify', {
        visitorId: known,
        email: 'known-visitor@example.com',
      });
      const knownCustomer = (await customerOfVisitorId(strapi, known))!;
      await http()
        .post('/api/segments/identify')
        .set('X-Visitor-Id', known)
        .send({ email: 'owner@example.com' });
      await identityIdle();
      assert.equal(await customerOfVisitorId(strapi, known), knownCustomer);
      assert.deepEqual((await profile(knownCustomer)).emails, ['known-visitor@example.com']);

      // No owner yet: the anonymous profile becomes the customer with that email, detached too.
      const fresh = await anonymousVisitor([{ type: 'View', item }]);
      await http()
        .post('/api/segments/identify')
        .set('X-Visitor-Id', fresh.visitor)
        .send({ email: 'first-time@example.com', firstName: 'Fiona' });
      await identityIdle();
      const became = await profile(fresh.customer);
      assert.deepEqual([became.emails, became.firstName], [['first-time@example.com'], 'Fiona']);
      assert.equal(await customerOfVisitorId(strapi, fresh.visitor), null);
    } finally {
      verification('required');
    }
  });

  it('refuses the server routes without an API token and links and merges with one', async () => {
    const anonymous = await anonymousVisitor([{ type: 'Conversion' }]);
    for (const [path, body] of [
      [
        '/api/segments/server/identify',
        { visitorId: anonymous.visitor, email: 'owner@example.com' },
      ],
      ['/api/segments/server/merge', { into: 'CRM2002', from: 'CRM1001' }],
    ] as const) {
      const res = await http().post(path).send(body);
      assert.ok([401, 403].includes(res.status), `${path}: ${res.status}`);
    }
    const readOnly = await strapi.service('admin::api-token').create({
      name: `read only ${Date.now()}`,
      type: 'read-only',
      lifespan: null,
    });
    const refused = await http()
      .post('/api/segments/server/merge')
      .set('Authorization', `Bearer ${readOnly.accessKey}`)
      .send({ into: 'CRM2002', from: 'CRM1001' });
    assert.equal(refused.status, 403);
    assert.ok(await profile(victim.documentId), 'nothing merged');
    assert.equal(await customerOfVisitorId(strapi, anonymous.visitor), anonymous.customer);

    const linked = await server.post('/api/segments/server/identify', {
      visitorId: anonymous.visitor,
      referenceId: 'CRM3003',
      email: 'server-made@example.com',
      firstName: 'Sam',
    });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    const made = await profile(linked.body.data.documentId);
    assert.deepEqual(
      [made.referenceId, made.emails, made.firstName],
      ['CRM3003', ['server-made@example.com'], 'Sam']
    );
    assert.ok((await eventTypes(made.documentId)).includes('Conversion'), 'anonymous data merged');
    assert.equal(await customerOfVisitorId(strapi, anonymous.visitor), made.documentId);

    const merged = await server.post('/api/segments/server/merge', {
      into: made.documentId,
      from: 'CRM1001',
    });
    assert.deepEqual(
      [merged.status, merged.body],
      [200, { data: { documentId: made.documentId } }]
    );
    assert.equal(await profile(victim.documentId), null);
    assert.deepEqual((await profile(made.documentId)).emails, [
      'server-made@example.com',
      'vera@example.com',
    ]);
    // Both are API-token permissions, as the external-segments push is.
    const actions = await admin.get('/admin/content-api/permissions');
    assert.equal(actions.status, 200, JSON.stringify(actions.body));
    const tracking = actions.body.data['plugin::segments'].controllers.tracking as string[];
    assert.ok(
      tracking.includes('serverIdentify') && tracking.includes('serverMerge'),
      JSON.stringify(tracking)
    );
    const bad = await server.post('/api/segments/server/identify', { visitorId: 'short' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /visitorId must be 22 to 100/);
  });

  it('lets an API token on the public tracking routes name a customer, but not a forged token or an end user login', async () => {
    const forged = await http()
      .post('/api/segments/events')
      .set('Authorization', 'Bearer not-a-token')
      .set('X-Customer-Id', 'CRM2002')
      .send({ type: 'View', item });
    assert.equal(forged.status, 401);
    // An end user's login (anyone can sign up) is not trusted to name customers either.
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: {
        username: 'mallory',
        email: 'mallory@example.com',
        provider: 'local',
        confirmed: true,
        role: role.id,
      },
    });
    const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const asUser = await http()
      .post('/api/segments/events')
      .set('Authorization', `Bearer ${jwt}`)
      .set('X-Customer-Id', 'CRM2002')
      .send({ type: 'View', item });
    assert.equal(asUser.status, 400, asUser.text);
    assert.match(asUser.body.error.message, /API token/);
    const ownVisit = await http()
      .post('/api/segments/events')
      .set('Authorization', `Bearer ${jwt}`)
      .set('X-Visitor-Id', newVisitorId())
      .send({ type: 'View', item });
    assert.equal(ownVisit.status, 202, ownVisit.text);

    const before = (await eventTypes(owner.documentId)).length;
    const ok = await server
      .post('/api/segments/events', { type: 'View', item })
      .set('X-Customer-Id', 'CRM2002');
    assert.deepEqual([ok.status, ok.body], [202, { data: { recorded: 1 } }]);
    assert.equal((await eventTypes(owner.documentId)).length, before + 1);
  });

  describe('content reads', () => {
    it('create nothing for unknown visitor ids or customer ids, on REST and GraphQL', async () => {
      const customers = await countRows(strapi, TABLE.customers);
      const visitorIds = await countRows(strapi, TABLE.visitorIds);
      for (let i = 0; i < 20; i++) {
        const res = await http().get('/api/promos').set('X-Visitor-Id', newVisitorId());
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(promoTitles(res.body), ['For everyone']);
      }
      const graphql = await http()
        .post('/graphql')
        .set('X-Visitor-Id', newVisitorId())
        .send({ query: '{ promos { title } }' });
      assert.equal(graphql.status, 200, JSON.stringify(graphql.body));
      for (let i = 0; i < 5; i++) {
        const res = await server
          .get('/api/promos')
          .set('X-Customer-Id', `unknown${i}x${Date.now()}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.meta.personalization.customer, null);
      }
      assert.equal(await countRows(strapi, TABLE.customers), customers);
      assert.equal(await countRows(strapi, TABLE.visitorIds), visitorIds);
    });

    it('refuse X-Customer-Id from a public caller and reveal nothing; an API token gets the customer', async () => {
      const res = await http().get('/api/promos').set('X-Customer-Id', 'CRM2002');
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /API token .* browsers send X-Visitor-Id/);
      assert.doesNotMatch(res.text, new RegExp(`${owner.documentId}|vip-members|VIP only`));
      const graphql = await http()
        .post('/graphql')
        .set('X-Customer-Id', 'CRM2002')
        .send({ query: '{ promos { title } }' });
      assert.doesNotMatch(graphql.text, /VIP only|vip-members/);

      const guessed = await http().get('/api/promos').set('X-Visitor-Id', owner.documentId);
      assert.equal(guessed.status, 200);
      assert.deepEqual(promoTitles(guessed.body), ['For everyone']);
      assert.deepEqual(guessed.body.meta.personalization, {
        personalized: true,
        segments: [],
        variants: {},
      });

      const trusted = await server.get('/api/promos').set('X-Customer-Id', 'CRM2002');
      assert.deepEqual(promoTitles(trusted.body), ['For everyone', 'VIP only']);
      assert.equal(trusted.body.meta.personalization.customer, owner.documentId);
      assert.deepEqual(trusted.body.meta.personalization.segments, ['vip-members']);
    });
  });
});
