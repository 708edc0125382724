import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
const DAY = 86_400_000;

const customer = async (email: string, body: object, inactiveDays: number | null) => {
  const res = await admin.post('/segments/customers', {
    emails: [email],
    firstName: 'Old',
    ...body,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const when = inactiveDays === null ? null : new Date(Date.now() - inactiveDays * DAY);
  await knexOf(strapi)(TABLE.customers)
    .where('document_id', res.body.data.documentId)
    .update({ last_activity_at: when, created_at: new Date(Date.now() - 1000 * DAY) });
  return res.body.data.documentId as string;
};

const anonymized = async (documentId: string) =>
  Boolean(
    (await knexOf(strapi)(TABLE.customers).where('document_id', documentId).first()).anonymized_at
  );

describe('data retention', () => {
  const ids: Record<string, string> = {};

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    ids.stale = await customer('stale@example.com', {}, 400);
    ids.neverActive = await customer('never@example.com', {}, null);
    ids.recent = await customer('recent@example.com', {}, 10);
    ids.consented = await customer(
      'consent@example.com',
      { terms: [{ termId: 'keep-me', givenAt: '2020-01-01' }] },
      400
    );
    ids.vip = await customer('vip@example.com', { tags: ['vip'] }, 400);
  });
  after(() => stopStrapi(strapi));

  it('is off by default', async () => {
    const res = await admin.get('/segments/retention');
    assert.equal(res.status, 200);
    assert.equal(res.body.data.settings.enabled, false);
    const scheduled = await strapi.plugin('segments').service('retention').run('schedule');
    assert.deepEqual(scheduled, { ran: false, count: 0 });
    assert.equal(await anonymized(ids.stale), false);
  });

  it('says how many customers the next run will anonymize, and then anonymizes exactly those', async () => {
    const settings = {
      enabled: true,
      days: 365,
      action: 'anonymize',
      // Exempt tags and terms match in any letter case, as in rules.
      exemptTerms: ['Keep-Me'],
      exemptTags: ['VIP'],
      exemptSegments: [],
    };
    const saved = await admin.put('/segments/retention', settings);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.data.nextRunCount, 2);
    const run = await admin.post('/segments/retention/run');
    assert.deepEqual(run.body.data, { ran: true, count: 2 });
    assert.deepEqual(
      await Promise.all(
        ['stale', 'neverActive', 'recent', 'consented', 'vip'].map((k) => anonymized(ids[k]))
      ),
      [true, true, false, false, false]
    );
    const after = await admin.get('/segments/retention');
    assert.equal(after.body.data.nextRunCount, 0);
    assert.deepEqual(
      after.body.data.runs.map((r: { count: number; action: string }) => [r.count, r.action]),
      [[2, 'anonymize']]
    );
  });

  it('deletes instead when the admin chooses so', async () => {
    await admin.put('/segments/retention', {
      enabled: true,
      days: 365,
      action: 'delete',
      exemptTerms: [],
      exemptTags: ['vip'],
      exemptSegments: [],
    });
    const preview = (await admin.get('/segments/retention')).body.data.nextRunCount;
    const run = await admin.post('/segments/retention/run');
    assert.equal(run.body.data.count, preview);
    assert.equal(preview, 3, 'the two anonymized and the consented one');
    assert.equal((await admin.get(`/segments/customers/${ids.vip}`)).status, 200);
    assert.equal((await admin.get(`/segments/customers/${ids.consented}`)).status, 404);
  });

  it('validates the settings and needs settings permissions', async () => {
    const bad = await admin.put('/segments/retention', { enabled: true, days: 5, action: 'shred' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /at least 30 days/);
    const typo = await admin.put('/segments/retention', {
      enabled: true,
      days: 90,
      action: 'delete',
      exemptSegments: ['no-such-segment'],
    });
    assert.equal(typo.status, 400, 'a mistyped exempt segment would exempt nobody');
    assert.match(typo.body.error.message, /No segment has the ID "no-such-segment"/);
    const reader = await adminWithPermissions(strapi, ['settings.read']);
    assert.equal((await reader.get('/segments/retention')).status, 200);
    assert.equal((await reader.post('/segments/retention/run')).status, 403);
  });
});
