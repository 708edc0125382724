import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { TABLE } from '../../contracts/constants';
import type { RuleNode } from '../../contracts/segment-rules';
import { knexOf } from '../../server/src/database/knex';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import {
  adminWithPermissions,
  contentManagerRead,
  SUPER_ADMIN_EMAIL,
  superAdmin,
  type AdminClient,
} from '../helpers/users';

/**
 * What an admin of a low-privilege role reaches through the plugin's admin API, tried as an
 * attacker would: the "View as" preview, the segment preview's sample and data retention.
 */
const ARTICLE = 'api::article.article';

let strapi: Core.Strapi;
let admin: AdminClient;
let article: string;
/** The super admin's stored secrets, which no response may contain. */
let secrets: { password: string; resetPasswordToken: string };

const previewUrl = (uid: string, documentId: string) =>
  `/segments/personalization/preview?uid=${uid}&documentId=${documentId}&status=draft`;

/** Asserts that a response carries none of the super admin's secrets, whatever its shape. */
const assertNoAdminSecrets = (res: request.Response) => {
  const text = JSON.stringify(res.body);
  assert.ok(!text.includes(secrets.password), 'no password hash in the response');
  assert.ok(!text.includes(secrets.resetPasswordToken), 'no reset token in the response');
  assert.doesNotMatch(text, /password|resetPasswordToken|registrationToken/);
};

const assertRefusedWithoutData = (res: request.Response, statuses: number[]) => {
  assert.ok(statuses.includes(res.status), `status ${res.status}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.data ?? null, null, 'no data');
};

describe('admin trust boundaries', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    const created = await admin.post(`/content-manager/collection-types/${ARTICLE}`, {
      title: 'Launch plan',
      body: 'Only editors of the body may read this',
      category: 'Tech',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    article = created.body.data.documentId;
    const forgot = await request(strapi.server.httpServer)
      .post('/admin/forgot-password')
      .send({ email: SUPER_ADMIN_EMAIL });
    assert.equal(forgot.status, 204, JSON.stringify(forgot.body));
    // Strapi answers before it stores the token: wait for it.
    let row: { password: string; resetPasswordToken: string | null } | null = null;
    for (let i = 0; i < 100 && !row?.resetPasswordToken; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      row = await strapi.db.query('admin::user').findOne({ where: { email: SUPER_ADMIN_EMAIL } });
    }
    assert.ok(row?.password && row.resetPasswordToken, 'the super admin has a reset token now');
    secrets = { password: row.password, resetPasswordToken: row.resetPasswordToken };
  });
  after(() => stopStrapi(strapi));

  describe('View as preview', () => {
    it('shows an editor allowed one field of articles only that field, and no admin user', async () => {
      const editor = await adminWithPermissions(strapi, [
        'segments.read',
        contentManagerRead(ARTICLE, ['title']),
      ]);
      const res = await editor.get(previewUrl(ARTICLE, article));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const entry = res.body.data.entry;
      assert.equal(entry.title, 'Launch plan');
      assert.equal(entry.documentId, article);
      for (const field of ['body', 'category', 'slug', 'createdBy', 'updatedBy'])
        assert.equal(entry[field], undefined, `${field} is not shown`);
      assertNoAdminSecrets(res);
      assert.ok(!JSON.stringify(res.body).includes(SUPER_ADMIN_EMAIL), 'no admin email');
    });

    it("keeps admin users' secrets out of the super admin's own preview", async () => {
      const res = await admin.get(previewUrl(ARTICLE, article));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.entry.body, 'Only editors of the body may read this');
      assert.equal(res.body.data.entry.createdBy, undefined, 'private to visitors, so not shown');
      assertNoAdminSecrets(res);
    });

    it('refuses an entry that a condition of the role keeps from the editor', async () => {
      const ownOnly = await adminWithPermissions(strapi, [
        'segments.read',
        contentManagerRead(ARTICLE, undefined, ['admin::is-creator']),
      ]);
      const res = await ownOnly.get(previewUrl(ARTICLE, article));
      assertRefusedWithoutData(res, [403]);
      assert.match(res.body.error.message, /may not read this entry/);
      assertNoAdminSecrets(res);
    });

    it("refuses end users, admin users and the plugin's own types, even to the super admin", async () => {
      const users = strapi.plugin('users-permissions').service('user');
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' } });
      const endUser = await users.add({
        username: 'reader',
        email: 'reader@example.com',
        password: 'End-User-Password-1',
        provider: 'local',
        confirmed: false,
        confirmationToken: 'confirmation-token-of-reader',
        role: role.id,
      });
      const stored = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: endUser.id } });
      const customer = await admin.post('/segments/customers', { emails: ['kim@example.com'] });
      assert.equal(customer.status, 201, JSON.stringify(customer.body));

      const asEndUser = await admin.get(
        previewUrl('plugin::users-permissions.user', endUser.documentId)
      );
      assertRefusedWithoutData(asEndUser, [403, 404]);
      const text = JSON.stringify(asEndUser.body);
      assert.ok(!text.includes(stored.password), 'no end user password hash');
      assert.ok(!text.includes('confirmation-token-of-reader'), 'no confirmation token');

      const adminUser = await strapi.db
        .query('admin::user')
        .findOne({ where: { email: SUPER_ADMIN_EMAIL } });
      const asAdmin = await admin.get(previewUrl('admin::user', adminUser.documentId));
      assertRefusedWithoutData(asAdmin, [400, 403, 404]);
      assertNoAdminSecrets(asAdmin);

      const asCustomer = await admin.get(
        previewUrl('plugin::segments.customer', customer.body.data.documentId)
      );
      assertRefusedWithoutData(asCustomer, [403, 404]);
      assert.ok(!JSON.stringify(asCustomer.body).includes('kim@example.com'));
    });
  });

  describe('segment preview', () => {
    const everyone: RuleNode = {
      kind: 'group',
      op: 'and',
      children: [{ kind: 'field', field: 'emailDomain', operator: 'isNotEmpty' } as RuleNode],
    };

    it('gives a segment reader who may not read customers the count only', async () => {
      await admin.post('/segments/customers', { emails: ['sam@example.com'] });
      const reader = await adminWithPermissions(strapi, ['segments.read']);
      const res = await reader.post('/segments/segments/preview', { rules: everyone });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.data.count >= 1, JSON.stringify(res.body));
      assert.equal(res.body.data.sample, undefined, 'no sample of customers');
      assert.ok(!JSON.stringify(res.body).includes('@example.com'), 'no customer email');
    });

    it('gives a reader of segments and customers the count and a sample', async () => {
      const reader = await adminWithPermissions(strapi, ['segments.read', 'customers.read']);
      const res = await reader.post('/segments/segments/preview', { rules: everyone });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const emails = res.body.data.sample.map((c: { emails: string[] }) => c.emails[0]);
      assert.ok(emails.includes('sam@example.com'), JSON.stringify(emails));
      assert.equal(res.body.data.count, emails.length);
    });
  });

  describe('data retention', () => {
    const DELETE = { enabled: true, days: 365, action: 'delete', exemptTerms: [] };
    const ANONYMIZE = { ...DELETE, action: 'anonymize' };
    let stale: string;
    let settingsOnly: AdminClient;
    let bulkUpdater: AdminClient;
    let anonymizer: AdminClient;

    const exists = async (documentId: string) =>
      Boolean(await knexOf(strapi)(TABLE.customers).where('document_id', documentId).first());
    const anonymized = async (documentId: string) =>
      Boolean(
        (await knexOf(strapi)(TABLE.customers).where('document_id', documentId).first())
          ?.anonymized_at
      );

    before(async () => {
      const res = await admin.post('/segments/customers', { emails: ['stale@example.com'] });
      stale = res.body.data.documentId;
      const longAgo = new Date(Date.now() - 1000 * 86_400_000);
      await knexOf(strapi)(TABLE.customers)
        .where('document_id', stale)
        .update({ last_activity_at: longAgo, created_at: longAgo });
      const settings = ['settings.read', 'settings.update'] as const;
      settingsOnly = await adminWithPermissions(strapi, [...settings]);
      bulkUpdater = await adminWithPermissions(strapi, [...settings, 'customers.bulk-update']);
      anonymizer = await adminWithPermissions(strapi, [...settings, 'customers.anonymize']);
    });

    it('refuses retention that deletes to a settings editor who may not bulk update customers', async () => {
      const save = await settingsOnly.put('/segments/retention', DELETE);
      assertRefusedWithoutData(save, [403]);
      assert.match(save.body.error.message, /customers\.bulk-update/, JSON.stringify(save.body));
      assert.equal((await admin.get('/segments/retention')).body.data.settings.action, 'anonymize');
      const asAnonymizer = await anonymizer.put('/segments/retention', DELETE);
      assertRefusedWithoutData(asAnonymizer, [403]);

      assert.equal((await bulkUpdater.put('/segments/retention', DELETE)).status, 200);
      for (const editor of [settingsOnly, anonymizer]) {
        const run = await editor.post('/segments/retention/run');
        assertRefusedWithoutData(run, [403]);
        assert.match(run.body.error.message, /customers\.bulk-update/);
      }
      assert.ok(await exists(stale), 'the inactive customer is still there');
    });

    it('refuses retention that anonymizes to a settings editor who may not anonymize', async () => {
      const save = await bulkUpdater.put('/segments/retention', ANONYMIZE);
      assertRefusedWithoutData(save, [403]);
      assert.match(save.body.error.message, /customers\.anonymize/);
      assert.equal((await anonymizer.put('/segments/retention', ANONYMIZE)).status, 200);
      for (const editor of [settingsOnly, bulkUpdater]) {
        const run = await editor.post('/segments/retention/run');
        assertRefusedWithoutData(run, [403]);
        assert.match(run.body.error.message, /customers\.anonymize/);
      }
      assert.equal(await anonymized(stale), false, 'not anonymized by a refused run');

      const run = await anonymizer.post('/segments/retention/run');
      assert.equal(run.status, 200, JSON.stringify(run.body));
      assert.equal(await anonymized(stale), true);
    });
  });
});
