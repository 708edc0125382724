import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { Customer } from '../../contracts/customers';
import { knexOf } from '../../server/src/database/knex';
import { addEvents, countRows, customerIdOf } from '../helpers/data';
import { isPostgres } from '../helpers/env';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const create = async (body: object): Promise<Customer> => {
  const res = await admin.post('/segments/customers', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data;
};
const profile = async (c: Customer) =>
  (await admin.get(`/segments/customers/${c.documentId}`)).body.data;

/** A real database failure at the merge's last step: the audit insert. */
const failAuditInserts = async (on: boolean) => {
  const knex = knexOf(strapi);
  if (isPostgres()) {
    if (on) {
      await knex.raw(
        `CREATE OR REPLACE FUNCTION segments_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$ LANGUAGE plpgsql`
      );
      await knex.raw(
        `CREATE TRIGGER segments_test_fail BEFORE INSERT ON ${TABLE.merges} FOR EACH ROW EXECUTE FUNCTION segments_test_fail()`
      );
    } else {
      await knex.raw(`DROP TRIGGER IF EXISTS segments_test_fail ON ${TABLE.merges}`);
    }
  } else if (on) {
    await knex.raw(
      `CREATE TRIGGER segments_test_fail BEFORE INSERT ON ${TABLE.merges} BEGIN SELECT RAISE(ABORT, 'forced failure'); END`
    );
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS segments_test_fail');
  }
};

describe('merging customers', () => {
  let main: Customer;
  let other: Customer;

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
  });
  after(() => stopStrapi(strapi));

  const pair = async (n: number) => {
    main = await create({
      firstName: 'Jan',
      emails: [`jan${n}@example.com`],
      phones: ['31600000001'],
      tags: ['vip'],
      city: 'Delft',
    });
    other = await create({
      firstName: 'Johannes',
      lastName: 'Jansen',
      emails: [`j.jansen${n}@work.example.org`],
      phones: ['31600000001', '31600000002'],
      tags: ['vip', 'b2b'],
      terms: [{ termId: 'privacy', givenAt: '2024-01-01' }],
      subscriptions: [{ subscription: 'newsletter' }],
      gender: 'M',
      city: 'Leiden',
    });
    await addEvents(strapi, await customerIdOf(strapi, other.documentId), [
      { type: 'View', occurredAt: new Date('2024-05-01') },
      { type: 'Conversion', occurredAt: new Date('2024-06-01') },
    ]);
  };

  it('fills empty single fields, adds the rest without duplicates, moves events, deletes the other', async () => {
    await pair(1);
    const segment = await admin.post('/segments/segments', {
      name: 'Jansens',
      rules: {
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'tags', operator: 'equals', value: 'b2b' }],
      },
    });
    assert.equal(segment.status, 201);
    await strapi.plugin('segments').service('segment-refresh').idle();
    const res = await admin.post(`/segments/customers/${main.documentId}/merge`, {
      sourceDocumentId: other.documentId,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const merged = res.body.data.customer as Customer;
    assert.deepEqual(
      [merged.firstName, merged.lastName, merged.gender, merged.city],
      ['Jan', 'Jansen', 'male', 'Delft'],
      'only empty fields were filled'
    );
    assert.deepEqual(merged.emails, ['jan1@example.com', 'j.jansen1@work.example.org']);
    assert.deepEqual(merged.phones.sort(), ['31600000001', '31600000002']);
    assert.deepEqual(merged.tags.sort(), ['b2b', 'vip']);
    assert.deepEqual(merged.terms, [{ termId: 'privacy', givenAt: '2024-01-01' }]);
    assert.deepEqual(
      merged.subscriptions.map((s) => s.subscription),
      ['newsletter']
    );
    assert.equal(
      (await admin.get(`/segments/customers/${main.documentId}/events`)).body.meta.pagination.total,
      2
    );
    assert.equal((await admin.get(`/segments/customers/${other.documentId}`)).status, 404);
    assert.deepEqual(
      merged.segments.map((s) => s.segmentId),
      ['jansens'],
      'memberships recomputed'
    );
    assert.equal(
      (await admin.get('/segments/customers?q=jan jansen')).body.data[0].documentId,
      main.documentId,
      'found by the merged name'
    );
  });

  it('records who merged what, when, and which fields it filled', async () => {
    const [row] = await knexOf(strapi)(TABLE.merges).where('main_document_id', main.documentId);
    assert.equal(row.source_document_id, other.documentId);
    assert.equal(row.merged_by_email, 'super-admin@example.com');
    assert.ok(row.merged_at);
    assert.deepEqual(JSON.parse(row.fields_filled), ['lastName', 'gender']);
    assert.deepEqual(JSON.parse(row.source).emails, ['j.jansen1@work.example.org']);
  });

  it('refuses a merge into itself and a merge of an anonymized customer', async () => {
    const self = await admin.post(`/segments/customers/${main.documentId}/merge`, {
      sourceDocumentId: main.documentId,
    });
    assert.equal(self.status, 400);
    assert.match(self.body.error.message, /can't be merged into itself/);
    const ghost = await create({ firstName: 'Ghost' });
    await knexOf(strapi)(TABLE.customers)
      .where('document_id', ghost.documentId)
      .update({ anonymized_at: new Date() });
    const anonymized = await admin.post(`/segments/customers/${main.documentId}/merge`, {
      sourceDocumentId: ghost.documentId,
    });
    assert.equal(anonymized.status, 400);
    assert.match(anonymized.body.error.message, /anonymized customer can't be merged/);
  });

  it('changes nothing when the merge fails half-way', async () => {
    await pair(2);
    const before = {
      main: await profile(main),
      other: await profile(other),
      events: await countRows(strapi, TABLE.events, [await customerIdOf(strapi, other.documentId)]),
    };
    await failAuditInserts(true);
    try {
      const res = await admin.post(`/segments/customers/${main.documentId}/merge`, {
        sourceDocumentId: other.documentId,
      });
      assert.equal(res.status, 500);
    } finally {
      await failAuditInserts(false);
    }
    assert.deepEqual(await profile(main), before.main);
    assert.deepEqual(await profile(other), before.other);
    assert.equal(
      await countRows(strapi, TABLE.events, [await customerIdOf(strapi, other.documentId)]),
      before.events
    );
  });

  it('suggests likely duplicates without merging them', async () => {
    const a = await create({
      firstName: 'Sanne',
      lastName: 'Bos',
      emails: ['sanne.bos@example.com'],
      phones: ['31611112222'],
      dateOfBirth: '1991-02-03',
    });
    const byPhone = await create({
      firstName: 'S.',
      emails: ['s@other.example.com'],
      phones: ['+31 6 1111 2222'],
    });
    const byBirth = await create({
      firstName: 'sanne',
      lastName: 'BOS',
      dateOfBirth: '03-02-1991',
    });
    const byEmail = await create({
      firstName: 'Sanne',
      lastName: 'Bos',
      emails: ['Sanne.Bos@work.example.org'],
    });
    await create({
      firstName: 'Sanne',
      lastName: 'Visser',
      emails: ['sanne.bos@elsewhere.example.com'],
    });
    const res = await admin.get(`/segments/customers/${a.documentId}/duplicates`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const found = Object.fromEntries(
      res.body.data.map((d: { customer: Customer; reasons: string[] }) => [
        d.customer.documentId,
        d.reasons,
      ])
    );
    assert.deepEqual(found, {
      [byPhone.documentId]: ['samePhone'],
      [byBirth.documentId]: ['sameNameAndBirthDate'],
      [byEmail.documentId]: ['sameNameAndEmail'],
    });
    assert.equal(
      (await admin.get(`/segments/customers/${byPhone.documentId}`)).status,
      200,
      'nothing merged'
    );
  });

  it('suggests the other "Maria de Vries" whose email differs only by dots, a +tag and a typo', async () => {
    const maria = await create({
      firstName: 'Maria',
      lastName: 'de Vries',
      emails: ['maria.de.vries+news@gmail.com'],
    });
    const byDots = await create({
      firstName: 'maria',
      lastName: 'De Vries',
      emails: ['MariaDeVries@hotmail.nl'],
    });
    const byTypo = await create({
      firstName: 'Maria',
      lastName: 'de Vries',
      emails: ['mariadevreis@example.org'],
    });
    // Namesakes with unrelated emails and no shared phone or birth date are other people.
    await create({ firstName: 'Maria', lastName: 'de Vries', emails: ['m.jansen@example.org'] });
    await create({
      firstName: 'Mario',
      lastName: 'de Vries',
      emails: ['maria.devries@example.org'],
    });
    const res = await admin.get(`/segments/customers/${maria.documentId}/duplicates`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.data
        .map((d: { customer: Customer; reasons: string[] }) => [d.customer.emails[0], d.reasons])
        .sort(),
      [
        [byDots.emails[0], ['sameNameAndEmail']],
        [byTypo.emails[0], ['sameNameAndEmail']],
      ].sort()
    );
  });

  it('needs the merge permission', async () => {
    const editor = await adminWithPermissions(strapi, ['customers.read', 'customers.update']);
    const res = await editor.post(`/segments/customers/${main.documentId}/merge`, {
      sourceDocumentId: other.documentId,
    });
    assert.equal(res.status, 403);
    assert.equal((await admin.get(`/segments/customers/${other.documentId}`)).status, 200);
  });
});
