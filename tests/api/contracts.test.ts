import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { RESPONSES, type Handler } from '../../contracts/api';
import type { RuleNode } from '../../contracts/segment-rules';
import { assertContract, checkedHandlers } from '../helpers/contracts';
import { waitForImport } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { contentApiClient, superAdmin, type AdminClient } from '../helpers/users';
import { newVisitorId } from '../helpers/visitors';

/**
 * Every route of the plugin, called once with input it accepts: each answer must match its
 * route's response contract (contracts/api) field for field. Other API tests check behaviour;
 * this one checks that what the controllers return is what the admin is typed to expect.
 */

let strapi: Core.Strapi;
let admin: AdminClient;
let crm: Awaited<ReturnType<typeof contentApiClient>>;

const rules: RuleNode = {
  kind: 'group',
  op: 'and',
  children: [{ kind: 'field', field: 'country', operator: 'equals', value: 'Netherlands' }],
};
const service = (name: string) => strapi.plugin('segments').service(name);
const idle = () => service('segment-refresh').idle();
const publicApi = () => request(strapi.server.httpServer);

const createCustomer = async (body: object) =>
  assertContract('customers.create', await admin.post('/segments/customers', body)).data;

describe('every route answers as its contract says', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    crm = await contentApiClient(strapi, { token: true });
    strapi.config.set('plugin::segments.identityVerification', { secret: null, mode: 'off' });
  });
  after(() => stopStrapi(strapi));

  it('customer routes: list, read, write, merge, privacy and bulk delete', async () => {
    const jan = await createCustomer({
      firstName: 'Jan',
      lastName: 'de Vries',
      emails: ['jan@example.com'],
      phones: ['+31 30 227 1710'],
      gender: 'male',
      dateOfBirth: '1990-04-01',
      country: 'Netherlands',
      tags: ['vip'],
      subscriptions: [{ subscription: 'news', subscribedAt: '2024-01-02T03:04:05.000Z' }],
      terms: [{ termId: 'privacy', givenAt: '2024-01-02' }],
    });
    const twin = await createCustomer({ firstName: 'Jan', phones: ['+31 30 227 1710'] });
    const visitor = newVisitorId();
    await crm.post('/api/segments/server/identify', {
      visitorId: visitor,
      email: 'jan@example.com',
    });
    await publicApi()
      .post('/api/segments/events')
      .set('X-Visitor-Id', visitor)
      .send({
        events: [{ type: 'PageVisit', url: 'https://example.com/?a=1', metadata: { x: 1 } }],
      });

    const url = `/segments/customers/${jan.documentId}`;
    assertContract('customers.find', await admin.get('/segments/customers?q=jan'));
    assertContract('customers.findOne', await admin.get(url));
    const values = assertContract(
      'customer-values.find',
      await admin.get('/segments/customer-values?field=tags&q=v')
    );
    assert.deepEqual(values.data, ['vip']);
    assertContract('customers.update', await admin.put(url, { city: 'Utrecht' }));
    const events = assertContract('customers.events', await admin.get(`${url}/events`));
    assert.ok(events.data.length > 0, 'the timeline has the tracked event');
    const duplicates = assertContract('customers.duplicates', await admin.get(`${url}/duplicates`));
    assert.ok(duplicates.data.length > 0, 'the twin is a likely duplicate');
    assertContract(
      'customers.merge',
      await admin.post(`${url}/merge`, { sourceDocumentId: twin.documentId })
    );
    const gdpr = assertContract('customers.gdprExport', await admin.get(`${url}/gdpr-export`));
    assert.ok(gdpr.events.length > 0 && gdpr.merges.length > 0, 'the export holds both');

    const gone = await createCustomer({ firstName: 'Gone' });
    const many = await createCustomer({ firstName: 'Many' });
    const anon = await createCustomer({ firstName: 'Anon', emails: ['anon@example.com'] });
    assertContract(
      'customers.anonymize',
      await admin.post(`/segments/customers/${anon.documentId}/anonymize`)
    );
    assertContract(
      'customers.delete',
      await admin.delete(`/segments/customers/${gone.documentId}`)
    );
    assertContract(
      'customers.bulkDelete',
      await admin.post('/segments/customers/bulk-delete', { documentIds: [many.documentId] })
    );
  });

  it('segment routes: rule and external segments, preview, members, history, explain', async () => {
    const jan = (await admin.get('/segments/customers?q=jan')).body.data[0];
    const created = assertContract(
      'segments.create',
      await admin.post('/segments/segments', { name: 'Dutch', rules })
    ).data;
    await idle();
    const url = `/segments/segments/${created.documentId}`;
    assertContract('segments.find', await admin.get('/segments/segments'));
    assertContract('segments.findOne', await admin.get(url));
    assertContract('segments.update', await admin.put(url, { description: 'From NL' }));
    await idle();
    const preview = assertContract(
      'segments.preview',
      await admin.post('/segments/segments/preview', { rules })
    );
    assert.ok(preview.data.sample, 'a super admin gets the sample');
    const history = assertContract('segments.history', await admin.get(`${url}/history`));
    assert.ok(history.data.length > 0, 'the computes are recorded');
    const members = assertContract('segments.members', await admin.get(`${url}/members`));
    assert.ok(members.data.length > 0);
    const explained = assertContract(
      'segments.explain',
      await admin.get(`/segments/customers/${jan.documentId}/segments/explain`)
    );
    assert.ok(explained.data.some((s) => s.decidedBy !== null));

    const external = assertContract(
      'segments.create',
      await admin.post('/segments/segments', {
        name: 'CRM gold',
        segmentId: 'crm-gold',
        kind: 'external',
      })
    ).data;
    assertContract(
      'segments.pushMembers',
      await admin.put(`/segments/segments/${external.documentId}/members`, {
        emails: ['jan@example.com'],
      })
    );
    assertContract(
      'segments.pushMembersByToken',
      await crm.put('/api/segments/external-segments/crm-gold/members', {
        mode: 'remove',
        emails: ['jan@example.com'],
      })
    );
    assertContract(
      'segments.delete',
      await admin.delete(`/segments/segments/${external.documentId}`)
    );
  });

  it('import routes: template, upload, job, list and failed rows', async () => {
    assertContract('imports.template', await admin.get('/segments/imports/template.csv'));
    const csv = 'first_name,email,country\nPiet,piet@example.com,Belgium\nBad,not-an-email,\n';
    const upload = assertContract(
      'imports.create',
      await admin
        .upload('/segments/imports')
        .field('dryRun', 'true')
        .attach('file', Buffer.from(csv), 'customers.csv')
    );
    await waitForImport(strapi, admin, upload.data.id);
    const job = assertContract(
      'imports.findOne',
      await admin.get(`/segments/imports/${upload.data.id}`)
    );
    assert.ok(job.data.rows && job.data.firstErrors.length > 0, 'a dry run with a failed row');
    assertContract('imports.find', await admin.get('/segments/imports'));
    assertContract(
      'imports.errors',
      await admin.get(`/segments/imports/${upload.data.id}/errors.csv`)
    );
  });

  it('export routes: count, start, job, list and download', async () => {
    const counted = assertContract(
      'exports.count',
      await admin.post('/segments/exports/count', { filters: { country: 'Netherlands' } })
    );
    assert.equal(typeof counted.data.count, 'number');
    const started = assertContract(
      'exports.create',
      await admin.post('/segments/exports', { fields: ['documentId', 'emails', 'segments'] })
    );
    await service('exports').idle();
    const job = assertContract(
      'exports.findOne',
      await admin.get(`/segments/exports/${started.data.id}`)
    );
    assert.equal(job.data.status, 'completed');
    assertContract('exports.find', await admin.get('/segments/exports'));
    assertContract(
      'exports.download',
      await admin.get(`/segments/exports/${started.data.id}/download`)
    );
  });

  it('settings routes: tag groups and retention', async () => {
    assertContract('settings.find', await admin.get('/segments/settings'));
    assertContract(
      'settings.update',
      await admin.put('/segments/settings', { tagGroups: [{ name: 'Interests', tags: ['golf'] }] })
    );
    assertContract('settings.tagGroups', await admin.get('/segments/tag-groups'));
    assertContract('settings.retention', await admin.get('/segments/retention'));
    assertContract(
      'settings.saveRetention',
      await admin.put('/segments/retention', {
        enabled: false,
        days: 3650,
        action: 'anonymize',
        exemptTags: ['vip'],
      })
    );
    assertContract('settings.runRetention', await admin.post('/segments/retention/run'));
    const runs = assertContract('settings.retention', await admin.get('/segments/retention'));
    assert.ok(runs.data.runs.length > 0, 'the run is logged');
  });

  it('A/B test routes: create, read, change, results and delete', async () => {
    const test = assertContract(
      'ab-tests.create',
      await admin.post('/segments/ab-tests', { name: 'Hero', conversionEventType: 'SignUp' })
    ).data;
    const url = `/segments/ab-tests/${test.documentId}`;
    assertContract('ab-tests.find', await admin.get('/segments/ab-tests'));
    assertContract('ab-tests.findOne', await admin.get(url));
    assertContract('ab-tests.update', await admin.put(url, { status: 'running' }));
    assertContract('ab-tests.results', await admin.get(`${url}/results`));
    assertContract('ab-tests.delete', await admin.delete(url));
  });

  it('the personalization preview', async () => {
    const promo = await strapi.documents('api::promo.promo').create({ data: { title: 'Hi' } });
    const preview = assertContract(
      'personalization.preview',
      await admin.get(
        `/segments/personalization/preview?uid=api::promo.promo&documentId=${promo.documentId}`
      )
    );
    assert.equal(preview.data.visible, true);
  });

  it('tracking routes: events, identify, the server routes and the script', async () => {
    const visitor = newVisitorId();
    const tracked = assertContract(
      'tracking.events',
      await publicApi()
        .post('/api/segments/events')
        .set('X-Visitor-Id', visitor)
        .send({ events: [{ type: 'View', url: 'https://example.com/' }] })
    );
    assert.equal(tracked.data.recorded, 1);
    assertContract(
      'tracking.identify',
      await publicApi()
        .post('/api/segments/identify')
        .query({ vid: visitor })
        .send({ email: 'nina@example.com' })
    );
    await service('visitor-identity').idle();
    const linked = assertContract(
      'tracking.serverIdentify',
      await crm.post('/api/segments/server/identify', {
        visitorId: newVisitorId(),
        email: 'kees@example.com',
      })
    );
    const other = await crm.post('/api/segments/server/identify', {
      visitorId: newVisitorId(),
      referenceId: 'kees2',
    });
    assertContract(
      'tracking.serverMerge',
      await crm.post('/api/segments/server/merge', {
        into: linked.data.documentId,
        from: other.body.data.documentId,
      })
    );
    assertContract('tracking.script', await publicApi().get('/api/segments/tracker.js'));
  });

  it('the check refuses a body with a field its contract lacks, or without one it names', async () => {
    const list = await admin.get('/segments/customers');
    const res = { ...list, status: 200, text: '' } as typeof list;
    const [customer] = list.body.data;
    const withExtra = { ...res, body: { ...list.body, data: [{ ...customer, password: 'x' }] } };
    assert.throws(
      () => assertContract('customers.find', withExtra as typeof list),
      /body\.data\[0\]\.password: not in the contract/
    );
    const { fullName: _dropped, ...withoutName } = customer;
    const missing = { ...res, body: { ...list.body, data: [withoutName] } };
    assert.throws(
      () => assertContract('customers.find', missing as typeof list),
      /body\.data\[0\]\.fullName: missing/
    );
    const wrongStatus = { ...res, status: 201 };
    assert.throws(
      () => assertContract('customers.find', wrongStatus as typeof list),
      /answered 201/
    );
  });

  it('each route of the plugin was checked above', () => {
    const unchecked = (Object.keys(RESPONSES) as Handler[]).filter((h) => !checkedHandlers.has(h));
    assert.deepEqual(unchecked, [], 'routes without a test of their contract');
  });
});
