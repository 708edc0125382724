import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { Customer } from '../../contracts/customers';
import { addEvents, addSegmentWithMembers, countRows, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const create = async (body: object): Promise<Customer> => {
  const res = await admin.post('/segments/customers', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data;
};

const search = async (query: string) => {
  const res = await admin.get(`/segments/customers?${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { data: Customer[]; meta: { pagination: { total: number } } };
};

const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe('customers in the admin API', () => {
  let jan: Customer;
  let anna: Customer;
  let piet: Customer;

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    jan = await create({
      firstName: 'Jan',
      lastName: 'de Vries',
      emails: ['jan.devries@example.com', 'jan@work.example.org'],
      phones: ['+31 030 227 1710'],
      gender: 'Male',
      dateOfBirth: yearsAgo(30, 10),
      country: 'netherlands',
      city: 'Utrecht',
      tags: ['vip'],
    });
    anna = await create({
      firstName: 'Anna',
      lastName: 'Müller',
      emails: ['anna@example.de'],
      phones: ['491701234567'],
      gender: 'f',
      dateOfBirth: yearsAgo(45),
      country: 'Germany',
      tags: ['newsletter'],
    });
    piet = await create({ firstName: 'Piet', lastName: 'Jansen', gender: 'M', country: 'Belgium' });
  });
  after(() => stopStrapi(strapi));

  describe('list and search', () => {
    it('finds "jan de vries" by full name, by last name and by a word prefix', async () => {
      for (const q of ['jan de vries', 'Jan De Vries', 'vries', 'de vr', 'jan']) {
        const { data } = await search(`q=${encodeURIComponent(q)}`);
        assert.ok(
          data.some((c) => c.documentId === jan.documentId),
          `search "${q}"`
        );
        assert.ok(!data.some((c) => c.documentId === anna.documentId), `search "${q}" not Anna`);
      }
    });

    it('finds a customer by any of their emails, in any letter case', async () => {
      assert.deepEqual(
        (await search('q=JAN@work.example.org')).data.map((c) => c.documentId),
        [jan.documentId]
      );
      assert.deepEqual(
        (await search('q=anna@example')).data.map((c) => c.documentId),
        [anna.documentId]
      );
    });

    it('finds a customer by phone number however it is written', async () => {
      for (const q of ['310302271710', '+31 030-227', '0031 030 2271710', '+31 030']) {
        const { data } = await search(`q=${encodeURIComponent(q)}`);
        assert.deepEqual(
          data.map((c) => c.documentId),
          [jan.documentId],
          `phone "${q}"`
        );
      }
    });

    it('finds a name without its accents', async () => {
      const { data } = await search('q=muller');
      assert.deepEqual(
        data.map((c) => c.documentId),
        [anna.documentId]
      );
    });

    it('filters on gender, country, tag, age range, created date and segment', async () => {
      const ids = async (q: string) => (await search(q)).data.map((c) => c.documentId).sort();
      assert.deepEqual(await ids('gender=female'), [anna.documentId]);
      assert.deepEqual(await ids('country=Belgium'), [piet.documentId]);
      assert.deepEqual(await ids('tag=vip'), [jan.documentId]);
      assert.deepEqual(await ids('tag=VIP'), [jan.documentId], 'a tag in any letter case');
      assert.deepEqual(await ids('ageMin=29&ageMax=31'), [jan.documentId]);
      assert.deepEqual(await ids('ageMin=45&ageMax=45'), [anna.documentId]);
      assert.deepEqual(await ids('createdTo=2000-01-01'), []);
      const today = new Date().toISOString().slice(0, 10);
      assert.ok(
        (await ids(`createdTo=${today}`)).length >= 3,
        'a date-only createdTo includes that day'
      );
      assert.equal(
        (await ids(`createdFrom=${new Date(Date.now() - 60_000).toISOString()}`)).length >= 3,
        true
      );
      await addSegmentWithMembers(strapi, 'germans', [await customerIdOf(strapi, anna.documentId)]);
      assert.deepEqual(await ids('segment=germans'), [anna.documentId]);
      const profile = await admin.get(`/segments/customers/${anna.documentId}`);
      assert.deepEqual(
        profile.body.data.segments.map((s: { segmentId: string }) => s.segmentId),
        ['germans']
      );
    });

    it('pages 50 customers at a time and sorts on request', async () => {
      for (let i = 0; i < 50; i++)
        await create({ firstName: `Bulk${String(i).padStart(2, '0')}`, lastName: 'Pager' });
      const first = await search('q=pager');
      assert.equal(first.data.length, 50);
      assert.equal(first.meta.pagination.total, 50);
      const second = await search('q=pager&page=2&pageSize=20&sort=firstName:asc');
      assert.deepEqual(second.data.map((c) => c.firstName).slice(0, 2), ['Bulk20', 'Bulk21']);
    });

    it('answers 400 to an unknown filter or sort', async () => {
      const res = await admin.get('/segments/customers?colour=red');
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /colour is not a filter/);
      assert.equal((await admin.get('/segments/customers?sort=password:asc')).status, 400);
    });
  });

  describe('edit and delete one', () => {
    it('updates fields and replaces the emails, and refuses an email of someone else', async () => {
      const res = await admin.put(`/segments/customers/${piet.documentId}`, {
        jobTitle: 'Baker',
        emails: ['piet@example.be'],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.data.jobTitle, res.body.data.emails, res.body.data.country],
        ['Baker', ['piet@example.be'], 'Belgium']
      );
      const taken = await admin.put(`/segments/customers/${piet.documentId}`, {
        emails: ['ANNA@example.de'],
      });
      assert.equal(taken.status, 400);
      assert.match(
        taken.body.error.message,
        /anna@example\.de already belongs to another customer/
      );
      const still = await admin.get(`/segments/customers/${piet.documentId}`);
      assert.deepEqual(still.body.data.emails, ['piet@example.be']);
    });

    it('shows the activity timeline newest first, a page at a time', async () => {
      const id = await customerIdOf(strapi, piet.documentId);
      await addEvents(strapi, id, [
        { type: 'View', occurredAt: new Date('2024-01-01T10:00:00Z') },
        { type: 'Conversion', occurredAt: new Date('2024-03-01T10:00:00Z') },
        { type: 'Like', occurredAt: new Date('2024-02-01T10:00:00Z') },
      ]);
      const res = await admin.get(`/segments/customers/${piet.documentId}/events?pageSize=2`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.data.map((e: { type: string }) => e.type),
        ['Conversion', 'Like']
      );
      assert.equal(res.body.meta.pagination.total, 3);
    });

    it('deletes one customer with their events and memberships', async () => {
      const id = await customerIdOf(strapi, piet.documentId);
      await addSegmentWithMembers(strapi, 'belgians', [id]);
      const res = await admin.delete(`/segments/customers/${piet.documentId}`);
      assert.equal(res.status, 200);
      assert.equal((await admin.get(`/segments/customers/${piet.documentId}`)).status, 404);
      for (const table of [TABLE.events, TABLE.memberships, TABLE.emails, TABLE.nameTokens]) {
        assert.equal(await countRows(strapi, table, [id]), 0, table);
      }
    });
  });

  describe('invalid input', () => {
    const cases: [string, object, RegExp][] = [
      ['email', { emails: ['jan@'] }, /not a valid email/],
      ['phone', { phones: ['12-ab'] }, /digits with the country code/],
      ['gender', { gender: 'Mx' }, /F, Female, M, Male, O or Other/],
      ['date of birth format', { dateOfBirth: '1990/04/15' }, /yyyy-mm-dd or dd-mm-yyyy/],
      ['date of birth in the future', { dateOfBirth: '2999-01-01' }, /past date/],
      ['country', { country: 'Holland Land' }, /English country name/],
      ['reference id', { referenceId: 'ab_12' }, /only hold letters and digits/],
      [
        'term date',
        { terms: [{ termId: 'privacy', givenAt: '32-01-2024' }] },
        /yyyy-mm-dd or dd-mm-yyyy/,
      ],
      ['an unknown field', { shoeSize: 42 }, /shoeSize can not be written/],
    ];
    for (const [what, body, message] of cases) {
      it(`answers 400 for an invalid ${what} and writes nothing`, async () => {
        const before = await countRows(strapi, TABLE.customers);
        const res = await admin.post('/segments/customers', { firstName: 'Invalid', ...body });
        assert.equal(res.status, 400);
        assert.match(res.body.error.message, message);
        assert.equal(await countRows(strapi, TABLE.customers), before);
        const update = await admin.put(`/segments/customers/${jan.documentId}`, body);
        assert.equal(update.status, 400);
      });
    }
  });

  describe('bulk delete and permissions', () => {
    it('registers every permission, and the super admin holds them all', async () => {
      const provider = strapi.service('admin::permission').actionProvider;
      const superRole = await strapi.service('admin::role').getSuperAdmin();
      const held = await strapi
        .service('admin::permission')
        .findMany({ where: { role: { id: superRole.id } } });
      for (const uid of [
        'customers.read',
        'customers.create',
        'customers.update',
        'customers.delete',
        'customers.merge',
        'customers.anonymize',
        'customers.import',
        'customers.bulk-export',
        'customers.bulk-update',
        'segments.read',
        'segments.manage',
        'settings.read',
        'settings.update',
      ]) {
        const action = `plugin::segments.${uid}`;
        assert.ok(provider.get(action), `${action} registered`);
        assert.ok(
          held.some((p: { action: string }) => p.action === action),
          `super admin holds ${action}`
        );
      }
    });

    it('refuses bulk delete (403) to a role without bulk update, and deletes nothing', async () => {
      const editor = await adminWithPermissions(strapi, ['customers.read', 'customers.delete']);
      const before = await countRows(strapi, TABLE.customers);
      const res = await editor.post('/segments/customers/bulk-delete', { all: true });
      assert.equal(res.status, 403);
      assert.equal(await countRows(strapi, TABLE.customers), before);
    });

    it('refuses a role without read access to the list', async () => {
      const nobody = await adminWithPermissions(strapi, []);
      assert.equal((await nobody.get('/segments/customers')).status, 403);
    });

    it('explains a bulk delete request that names neither ids nor all', async () => {
      const res = await admin.post('/segments/customers/bulk-delete', {});
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /either documentIds .* or all: true/);
    });

    it('deletes selected customers by id', async () => {
      const a = await create({ firstName: 'Sel', lastName: 'One' });
      const b = await create({ firstName: 'Sel', lastName: 'Two' });
      const res = await admin.post('/segments/customers/bulk-delete', {
        documentIds: [a.documentId, b.documentId],
      });
      assert.deepEqual(res.body.data, { deleted: 2 });
      assert.equal((await search('q=sel')).meta.pagination.total, 0);
    });

    it('deletes everything matching the filters, and nothing else', async () => {
      const before = await countRows(strapi, TABLE.customers);
      const res = await admin.post('/segments/customers/bulk-delete', {
        all: true,
        filters: { q: 'pager' },
      });
      assert.deepEqual(res.body.data, { deleted: 50 });
      assert.equal(await countRows(strapi, TABLE.customers), before - 50);
      assert.equal((await search(`q=${encodeURIComponent('jan de vries')}`)).data.length, 1);
    });

    it('deletes all customers with all their events and segment memberships', async () => {
      const id = await customerIdOf(strapi, jan.documentId);
      await addEvents(strapi, id, [{ type: 'View', occurredAt: new Date() }]);
      await addSegmentWithMembers(strapi, 'everyone', [
        id,
        await customerIdOf(strapi, anna.documentId),
      ]);
      const customers = await countRows(strapi, TABLE.customers);
      assert.ok(
        customers > 0 &&
          (await countRows(strapi, TABLE.events)) > 0 &&
          (await countRows(strapi, TABLE.memberships)) > 0
      );
      const res = await admin.post('/segments/customers/bulk-delete', { all: true });
      assert.deepEqual(res.body.data, { deleted: customers });
      for (const table of [
        TABLE.customers,
        TABLE.events,
        TABLE.memberships,
        TABLE.emails,
        TABLE.phones,
        TABLE.tags,
        TABLE.nameTokens,
      ]) {
        assert.equal(await countRows(strapi, table), 0, `${table} is empty`);
      }
      const segments = await strapi.db.connection(TABLE.segments).select('member_count');
      assert.ok(segments.every((s: { member_count: number }) => Number(s.member_count) === 0));
    });
  });

  describe('settings', () => {
    it('keeps tag groups, validates them, and needs settings.update to change them', async () => {
      assert.deepEqual((await admin.get('/segments/settings')).body.data, { tagGroups: [] });
      const groups = { tagGroups: [{ name: 'Interests', tags: ['ev', 'travel'] }] };
      assert.deepEqual((await admin.put('/segments/settings', groups)).body.data, groups);
      const bad = await admin.put('/segments/settings', { tagGroups: [{ tags: ['x'] }] });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /Each tag group needs a name/);
      const reader = await adminWithPermissions(strapi, ['settings.read']);
      assert.deepEqual((await reader.get('/segments/settings')).body.data, groups);
      assert.equal((await reader.put('/segments/settings', groups)).status, 403);
      const editor = await adminWithPermissions(strapi, ['customers.read']);
      assert.deepEqual((await editor.get('/segments/tag-groups')).body.data, groups.tagGroups);
      assert.equal((await editor.get('/segments/settings')).status, 403);
    });
  });
});
