import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { Customer } from '../../contracts/customers';
import { knexOf } from '../../server/src/database/knex';
import { countRows, customerIdOf, wholeDatabaseText } from '../helpers/data';
import { importCsv } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
let person: Customer;

const EMAIL = 'marieke.jansen@example.com';
const WORK_EMAIL = 'm.jansen@bureau.example.org';
const PHONE = '31612345678';

describe('personal data: GDPR export and anonymization', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    // Manual: the profile as an editor adds it.
    const created = await admin.post('/segments/customers', {
      firstName: 'Marieke',
      emails: [EMAIL],
      tags: ['vip'],
      city: 'Utrecht',
    });
    assert.equal(created.status, 201);
    person = created.body.data;
    // A segment she belongs to.
    await admin.post('/segments/segments', {
      name: 'VIPs',
      rules: {
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'tags', operator: 'equals', value: 'vip' }],
      },
    });
    await strapi.plugin('segments').service('segment-refresh').idle();
    // Import: a row that updates her, and a failed row that names her.
    await importCsv(
      strapi,
      admin,
      `email,last_name,phone_number,date_of_birth\n${EMAIL.toUpperCase()},Jansen,+${PHONE},1990-05-06\n${EMAIL},Jansen,,31-02-1990`
    );
    // Events with personal data in the URL, referrer and metadata.
    await knexOf(strapi)(TABLE.events).insert({
      document_id: 'evt0000000000000000000a1',
      customer_id: await customerIdOf(strapi, person.documentId),
      type: 'View',
      url: `https://shop.example.com/orders?email=${EMAIL}`,
      referrer: `https://mail.example.com/?to=${EMAIL}`,
      metadata: JSON.stringify({ ip: '203.0.113.7', note: 'Marieke Jansen' }),
      occurred_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    });
    // Merge: a duplicate profile with her work email.
    const duplicate = (
      await admin.post('/segments/customers', {
        firstName: 'M.',
        lastName: 'Jansen',
        emails: [WORK_EMAIL],
        jobTitle: 'Architect',
      })
    ).body.data;
    const merged = await admin.post(`/segments/customers/${person.documentId}/merge`, {
      sourceDocumentId: duplicate.documentId,
    });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
  });
  after(() => stopStrapi(strapi));

  it('exports everything about her as a JSON download', async () => {
    const res = await admin.get(`/segments/customers/${person.documentId}/gdpr-export`);
    assert.equal(res.status, 200);
    assert.match(
      res.headers['content-disposition'],
      /^attachment; filename=".*gdpr-export\.json"$/
    );
    const data = JSON.parse(res.text);
    assert.deepEqual(
      [
        data.profile.firstName,
        data.profile.lastName,
        data.profile.city,
        data.profile.jobTitle,
        data.profile.dateOfBirth,
      ],
      ['Marieke', 'Jansen', 'Utrecht', 'Architect', '1990-05-06']
    );
    assert.deepEqual(data.profile.emails, [EMAIL, WORK_EMAIL]);
    assert.deepEqual(data.profile.phones, [PHONE]);
    assert.deepEqual(data.profile.tags, ['vip']);
    assert.deepEqual(
      data.segments.map((s: { segmentId: string }) => s.segmentId),
      ['vips']
    );
    assert.equal(data.events.length, 1);
    assert.deepEqual(data.events[0].metadata, { ip: '203.0.113.7', note: 'Marieke Jansen' });
    assert.deepEqual(
      data.imports.map((r: { line: number; action: string; fields: string[] }) => [
        r.line,
        r.action,
        r.fields,
      ]),
      [[2, 'updated', ['lastName', 'dateOfBirth', 'phones']]]
    );
    assert.deepEqual(
      data.failedImportRows.map((r: { line: number; column: string }) => [r.line, r.column]),
      [[3, 'date_of_birth']]
    );
    assert.equal(data.merges.length, 1);
    assert.deepEqual(data.merges[0].source.emails, [WORK_EMAIL]);
    assert.deepEqual(data.merges[0].fieldsFilled, ['jobTitle']);
  });

  it('lets a reader export and keeps anonymizing for those allowed to', async () => {
    const reader = await adminWithPermissions(strapi, ['customers.read']);
    assert.equal(
      (await reader.get(`/segments/customers/${person.documentId}/gdpr-export`)).status,
      200
    );
    assert.equal(
      (await reader.post(`/segments/customers/${person.documentId}/anonymize`)).status,
      403
    );
    const nobody = await adminWithPermissions(strapi, []);
    assert.equal(
      (await nobody.get(`/segments/customers/${person.documentId}/gdpr-export`)).status,
      403
    );
  });

  it('anonymizes her so that her email, phone and name are found nowhere in the database', async () => {
    const id = await customerIdOf(strapi, person.documentId);
    const events = await countRows(strapi, TABLE.events, [id]);
    const res = await admin.post(`/segments/customers/${person.documentId}/anonymize`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.data.anonymizedAt);
    assert.deepEqual(
      [res.body.data.fullName, res.body.data.emails, res.body.data.phones, res.body.data.tags],
      [null, [], [], []]
    );
    const everything = await wholeDatabaseText(strapi);
    for (const trace of [
      EMAIL,
      WORK_EMAIL,
      PHONE,
      'marieke',
      'jansen',
      'architect',
      '1990-05-06',
      '203.0.113.7',
    ]) {
      assert.ok(!everything.includes(trace.toLowerCase()), `"${trace}" is still in the database`);
    }
    assert.equal(await countRows(strapi, TABLE.events, [id]), events, 'her events still count');
    const [event] = await knexOf(strapi)(TABLE.events).where('customer_id', id);
    assert.equal(event.url, 'https://shop.example.com/orders');
    assert.deepEqual(res.body.data.segments, [], 'she left the segments her data put her in');
  });

  it('refuses to anonymize twice', async () => {
    const res = await admin.post(`/segments/customers/${person.documentId}/anonymize`);
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /anonymized already/);
  });

  it('deletes a customer so that nothing about them is left in the database', async () => {
    const email = 'pieter.bakker@example.com';
    const workEmail = 'p.bakker@werk.example.org';
    const phone = '31698765432';
    const created = await admin.post('/segments/customers', {
      firstName: 'Pieter',
      emails: [email],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const pieter: Customer = created.body.data;
    await importCsv(
      strapi,
      admin,
      `email,last_name,phone_number,date_of_birth\n${email},Bakker,+${phone},1984-03-02\n${email},Bakker,,31-02-1984`
    );
    const duplicate = (
      await admin.post('/segments/customers', { lastName: 'Bakker', emails: [workEmail] })
    ).body.data;
    const merged = await admin.post(`/segments/customers/${pieter.documentId}/merge`, {
      sourceDocumentId: duplicate.documentId,
    });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const tracked = await admin.get(`/segments/customers/${pieter.documentId}`);
    assert.deepEqual(tracked.body.data.emails.sort(), [email, workEmail].sort());

    const res = await admin.delete(`/segments/customers/${pieter.documentId}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const everything = await wholeDatabaseText(strapi);
    for (const trace of [email, workEmail, phone, 'pieter', 'bakker', '1984-03-02']) {
      assert.ok(!everything.includes(trace.toLowerCase()), `"${trace}" is still in the database`);
    }
  });
});
