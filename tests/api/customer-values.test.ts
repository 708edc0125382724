import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

/** The values pickers offer: tags, terms and subscriptions that customers hold. */
describe('known customer values for pickers', () => {
  let strapi: Core.Strapi;
  let admin: AdminClient;

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    for (const [n, tags] of [
      [1, ['VIP', 'newsletter']],
      [2, ['vip', 'b2b']],
      [3, ['Volunteer']],
    ] as const) {
      const res = await admin.post('/segments/customers', {
        emails: [`values${n}@example.com`],
        tags,
        terms: n === 1 ? [{ termId: 'Privacy-2024', givenAt: '2024-01-01' }] : [],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });
  after(() => stopStrapi(strapi));

  it('lists each tag once, lower-cased and in alphabetical order', async () => {
    const res = await admin.get('/segments/customer-values?field=tags');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data, ['b2b', 'newsletter', 'vip', 'volunteer']);
  });

  it('narrows to values starting with what the editor typed', async () => {
    const res = await admin.get('/segments/customer-values?field=tags&q=V');
    assert.deepEqual(res.body.data, ['vip', 'volunteer']);
  });

  it('lists the terms customers gave', async () => {
    const res = await admin.get('/segments/customer-values?field=terms');
    assert.deepEqual(res.body.data, ['privacy-2024']);
  });

  it('refuses an unknown field with a message, and editors who may not read customers', async () => {
    const bad = await admin.get('/segments/customer-values?field=emails');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /tags, terms or subscriptions/);
    const editor = await adminWithPermissions(strapi, ['segments.read']);
    assert.equal((await editor.get('/segments/customer-values?field=tags')).status, 403);
  });
});
