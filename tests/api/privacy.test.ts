import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { Customer } from '../../contracts/customers';
import {
  CUSTOMER_FIELDS,
  isListField,
  type CustomerField,
  type FieldKind,
  type ListFieldName,
} from '../../contracts/customer-schema';
import {
  replaceChildren,
  type CustomerChildren,
} from '../../server/src/database/customer-children';
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

/**
 * A distinct marker for a value of each kind of personal field, that the whole database's text
 * holds nowhere else (`n` tells two customers apart). A kind without one fails the test: add it.
 */
const MARKERS: Partial<Record<FieldKind, (name: string, n: number) => string>> = {
  text: (name, n) => `zq${n}${name.slice(0, 8).toLowerCase()}`,
  email: (name, n) => `zq${n}${name.toLowerCase()}@marker.example.org`,
  phone: (_name, n) => `3169887766${n}`,
  date: (_name, n) => `190${n}-11-1${n}`,
  country: (_name, n) => (n === 1 ? 'Tuvalu' : 'Nauru'),
  referenceId: (name, n) => `ZQ${n}${name.slice(0, 8)}`,
  tag: (name, n) => `zq${n}${name}tag`,
  subscription: (name, n) => `zq${n}${name}sub`,
  term: (name, n) => `zq${n}${name}term`,
  visitorId: (name, n) => `zq${n}${name}visitormarker000000000`,
  token: (name, n) => `zq${n}${name.toLowerCase()}tok`,
};

/** Kinds whose few values occur everywhere ("female"): their column is checked instead. */
const CLOSED: Partial<Record<FieldKind, string>> = { gender: 'female' };

/** A child-table value of a list field from its marker. */
const listValue = (field: ListFieldName, marker: string) => {
  const kind = CUSTOMER_FIELDS[field].kind;
  if (kind === 'subscription') return { subscription: marker, subscribedAt: null };
  if (kind === 'term') return { termId: marker, givenAt: '2001-02-03' };
  return marker;
};

/**
 * Fills every field the customer schema marks personal of a new customer with a marker, the
 * columns and the child tables straight through the data layer; returns the customer and the
 * markers to look for.
 */
const customerWithEveryPersonalField = async (n: number) => {
  const created = await admin.post('/segments/customers', {});
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const customer: Customer = created.body.data;
  const id = await customerIdOf(strapi, customer.documentId);
  const markers: string[] = [];
  const columns: Record<string, string> = {};
  const children: CustomerChildren = {};
  for (const [name, field] of Object.entries(CUSTOMER_FIELDS) as [string, CustomerField][]) {
    if (!field.personal) continue;
    const closed = CLOSED[field.kind];
    const marker = closed ?? MARKERS[field.kind]?.(name, n);
    assert.ok(marker, `no marker for the kind ${field.kind} of ${name}: add one to MARKERS`);
    if (!closed) markers.push(marker);
    if (isListField(field)) {
      (children as Record<string, unknown[]>)[name] = [listValue(name as ListFieldName, marker)];
    } else columns[field.column] = marker;
  }
  const knex = knexOf(strapi);
  await knex.transaction(async (trx) => {
    await trx(TABLE.customers).where('id', id).update(columns);
    await replaceChildren(trx, id, children);
  });
  // Every personal field holds its marker before: the test below cannot pass by not filling it.
  const before = await wholeDatabaseText(strapi);
  for (const marker of markers) assert.ok(before.includes(marker.toLowerCase()), marker);
  return { customer, id, markers };
};

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

  it('anonymizes every field the customer schema marks personal, whatever fields it has', async () => {
    const { customer, id, markers } = await customerWithEveryPersonalField(1);
    const urls = [
      'https://shop.example.com/a?zq1urlquery=1',
      'https://shop.example.com/b#zq1urlfragment',
      'https://shop.example.com/c/?x=1#zq1urlboth',
      'https://shop.example.com/d',
      null,
    ];
    await knexOf(strapi)(TABLE.events).insert(
      urls.map((url, i) => ({
        document_id: `evtmarker000000000000000${i}`,
        customer_id: id,
        type: 'PageVisit',
        url,
        occurred_at: new Date(),
        created_at: new Date(),
        updated_at: new Date(),
      }))
    );
    markers.push('zq1urlquery', 'zq1urlfragment', 'zq1urlboth');
    const res = await admin.post(`/segments/customers/${customer.documentId}/anonymize`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const everything = await wholeDatabaseText(strapi);
    for (const marker of markers) {
      assert.ok(!everything.includes(marker.toLowerCase()), `"${marker}" survived anonymize`);
    }
    const kept = await knexOf(strapi)(TABLE.events).where('customer_id', id).orderBy('document_id');
    assert.deepEqual(
      kept.map((e: { url: string | null }) => e.url),
      [
        'https://shop.example.com/a',
        'https://shop.example.com/b',
        'https://shop.example.com/c/',
        'https://shop.example.com/d',
        null,
      ],
      'URLs keep their page, not their query or fragment'
    );
    const row = await knexOf(strapi)(TABLE.customers).where('id', id).first();
    for (const field of Object.values(CUSTOMER_FIELDS) as CustomerField[]) {
      if (field.personal && !isListField(field) && CLOSED[field.kind]) {
        assert.equal(row[field.column], null, `${field.column} survived anonymize`);
      }
    }
  });

  it('deletes every field the customer schema marks personal, whatever fields it has', async () => {
    const { customer, markers } = await customerWithEveryPersonalField(2);
    const res = await admin.delete(`/segments/customers/${customer.documentId}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const everything = await wholeDatabaseText(strapi);
    for (const marker of markers) {
      assert.ok(!everything.includes(marker.toLowerCase()), `"${marker}" survived delete`);
    }
  });
});
