import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import fs from 'fs';
import os from 'os';
import Papa from 'papaparse';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { isPostgres } from '../helpers/env';
import type { Customer } from '../../contracts/customers';
import { EXPORT_FIELDS } from '../../contracts/exports';
import { IMPORT_COLUMNS } from '../../contracts/imports';
import { countRows } from '../helpers/data';
import { captureEmails, importCsv } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
let emails: ReturnType<typeof captureEmails>;
const ids: Record<string, Customer> = {};

const exportCsv = async (body: object, client = admin) => {
  const res = await client.post('/segments/exports', body);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  await strapi.plugin('segments').service('exports').idle();
  const job = (await client.get(`/segments/exports/${res.body.data.id}`)).body.data;
  assert.equal(job.status, 'completed', job.error ?? '');
  const file = await client
    .get(`/segments/exports/${job.id}/download`)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  assert.equal(file.status, 200);
  assert.match(
    file.headers['content-disposition'],
    /^attachment; filename="customers-export-\d+\.csv"$/
  );
  return { job, text: (file.body as Buffer).toString('utf8') };
};

describe('CSV export of customers', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    emails = captureEmails(strapi);
    const add = async (key: string, body: object) => {
      const res = await admin.post('/segments/customers', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids[key] = res.body.data;
    };
    await add('zoe', {
      firstName: 'Zoë',
      lastName: 'Müller',
      emails: ['zoe@example.com', 'z@work.example.org'],
      tags: ['vip', 'b2b'],
      country: 'Netherlands',
      street: 'Kade 1, "hoek"\nachter',
      jobTitle: '=HYPERLINK("http://evil.example","x")',
    });
    await add('ben', {
      firstName: '+Ben',
      emails: ['ben@example.com'],
      country: 'Netherlands',
      city: '@home',
      gender: 'M',
    });
    await add('cas', {
      firstName: 'Cas',
      emails: ['cas@example.com'],
      country: 'Germany',
      jobTitle: '-1+1',
    });
  });
  after(() => stopStrapi(strapi));

  it('writes the chosen fields of the filtered customers, lists joined, readable by a spreadsheet', async () => {
    const { job, text } = await exportCsv({
      fields: ['firstName', 'lastName', 'emails', 'tags', 'street', 'jobTitle', 'city'],
      filters: { country: 'Netherlands' },
    });
    assert.equal(job.rowsDone, 2);
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    assert.deepEqual(rows[0], [
      'first_name',
      'last_name',
      'email',
      'extra_other_emails',
      'tags',
      'street',
      'job_title',
      'city',
    ]);
    const zoe = rows.find((r) => r[0] === 'Zoë')!;
    assert.deepEqual(zoe, [
      'Zoë',
      'Müller',
      'zoe@example.com',
      'z@work.example.org',
      'b2b, vip',
      'Kade 1, "hoek"\nachter',
      `'=HYPERLINK("http://evil.example","x")`,
      '',
    ]);
    const ben = rows.find((r) => r[0].includes('Ben'))!;
    assert.deepEqual([ben[0], ben[7]], [`'+Ben`, `'@home`], 'formula-like values are neutralised');
    assert.equal(rows.length, 3);
  });

  it('exports a selection of customers by id', async () => {
    const { text } = await exportCsv({
      fields: ['emails', 'jobTitle'],
      documentIds: [ids.cas.documentId],
    });
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    assert.deepEqual(rows.slice(1), [['cas@example.com', '', `'-1+1`]]);
  });

  it('applies the date filters of the list (createdFrom)', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    const { job } = await exportCsv({ fields: ['emails'], filters: { createdFrom: since } });
    assert.equal(job.rowsDone, 3);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await exportCsv({ fields: ['emails'], filters: { createdFrom: future } });
    assert.equal(none.job.rowsDone, 0);
  });

  it('says how many customers an export would hold before it starts: all, matching, or selected', async () => {
    const count = async (body: object, client = admin) => {
      const res = await client.post('/segments/exports/count', body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data.count;
    };
    assert.equal(await count({}), 3);
    assert.equal(await count({ filters: { country: 'Netherlands' } }), 2);
    assert.equal(await count({ filters: { q: 'cas@example.com' } }), 1);
    assert.equal(
      await count({ documentIds: [ids.cas.documentId, ids.ben.documentId, 'gone-long-ago'] }),
      2,
      'a selected customer deleted since is not counted'
    );
    const future = new Date(Date.now() + 3600_000).toISOString();
    assert.equal(await count({ filters: { createdFrom: future } }), 0);
    assert.equal((await admin.post('/segments/exports/count', { fields: ['emails'] })).status, 400);
    const reader = await adminWithPermissions(strapi, ['customers.read']);
    assert.equal((await reader.post('/segments/exports/count', {})).status, 403);
  });

  it('knows its total from the start, so progress reads "n of total" while it runs', async () => {
    // The job's row as it turns to running, seen as the statement goes to the database.
    const runningUpdates: { sql: string; bindings: unknown[] }[] = [];
    const watch = (query: { sql: string; bindings?: unknown[] }) => {
      if (/^update\b/i.test(query.sql) && query.bindings?.includes('running')) {
        runningUpdates.push({ sql: query.sql, bindings: query.bindings });
      }
    };
    const knex = knexOf(strapi);
    knex.on('query', watch);
    try {
      await exportCsv({ fields: ['emails'], filters: { country: 'Netherlands' } });
    } finally {
      knex.off('query', watch);
    }
    assert.equal(runningUpdates.length, 1);
    const [{ sql, bindings }] = runningUpdates;
    assert.match(sql, /rows_total/, 'the total is set as the job starts running');
    assert.ok(bindings.includes(2), 'to the 2 matching customers');
  });

  it('tells the admin by email that the export is ready', async () => {
    assert.ok(
      emails.some(
        (e) => e.to === 'super-admin@example.com' && /export is ready: 1 customers/.test(e.subject)
      )
    );
  });

  it('refuses (403) roles without the bulk export permission, for starting and for downloading', async () => {
    const editor = await adminWithPermissions(strapi, [
      'customers.read',
      'customers.update',
      'customers.bulk-update',
    ]);
    assert.equal((await editor.post('/segments/exports', { fields: ['emails'] })).status, 403);
    const [latest] = (await admin.get('/segments/exports')).body.data;
    assert.equal((await editor.get(`/segments/exports/${latest.id}/download`)).status, 403);
    assert.equal((await editor.get('/segments/exports')).status, 403);
  });

  it('exports each customer once, in order, when a large table is read in two halves at once', async () => {
    // PostgreSQL reads a whole table whose ids span 200,000 or more as two halves at once, the
    // second through a temporary file (csv/export/postgres.ts): far ids make these few customers one.
    const knex = knexOf(strapi);
    if (isPostgres()) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), 400000)`, [TABLE.customers]);
    } else {
      await knex('sqlite_sequence').where('name', TABLE.customers).update({ seq: 400000 });
    }
    const spoolsBefore = new Set(fs.readdirSync(os.tmpdir()));
    for (const email of ['far1@example.com', 'far2@example.com']) {
      const res = await admin.post('/segments/customers', { emails: [email] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const { job, text } = await exportCsv({ fields: ['emails', 'createdAt'] });
    const stored = await knex(TABLE.customers).select('id').orderBy('id');
    assert.equal(job.rowsDone, stored.length);
    assert.ok(stored[stored.length - 1].id > 400000, 'the last customers have far ids');
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    const owners = await knex(TABLE.emails).select('customer_id', 'email').where('position', 0);
    const emailOf = new Map(owners.map((o) => [o.customer_id, o.email]));
    assert.deepEqual(
      rows.map((r) => r[0].split(', ')[0]),
      stored.map((c) => emailOf.get(c.id) ?? '')
    );
    for (const [, , createdAt] of rows)
      assert.match(createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const far = (await admin.get('/segments/customers?q=far2@example.com')).body.data[0];
    assert.equal(rows[rows.length - 1][2], far.createdAt, 'the datetime the API gives');
    const left = fs.readdirSync(os.tmpdir()).filter((n) => !spoolsBefore.has(n));
    assert.deepEqual(
      left.filter((n) => n.startsWith('segments-export-')),
      [],
      'no temporary file is left'
    );
  });

  it('answers 400 to a field that does not exist', async () => {
    const res = await admin.post('/segments/exports', { fields: ['emails', 'password'] });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /"password" is not a field you can export/);
  });

  it('writes a filtered export that re-imports as a dry run with every row unchanged', async () => {
    const add = async (body: object) => {
      const res = await admin.post('/segments/customers', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
    };
    await add({
      firstName: '+Anna',
      lastName: 'de Vries, jr.',
      emails: ['anna@rt.example.com', 'anna.work@rt.example.org'],
      phones: ['31612345678', '31201234567'],
      gender: 'F',
      dateOfBirth: '1980-02-03',
      street: 'Kade 1, "hoek"',
      houseNumber: '12a',
      zipCode: '1011 AB',
      city: '@home',
      country: 'Belgium',
      jobTitle: '=1+1',
      referenceId: 'RT1',
      tags: ['roundtrip', 'VIP'],
      terms: [
        { termId: 'privacy', givenAt: '2024-01-15' },
        { termId: 'news letter', givenAt: '01-12-2023' },
      ],
      subscriptions: [{ subscription: 'weekly' }],
    });
    await add({
      firstName: 'Bea',
      emails: ['bea@rt.example.com'],
      gender: 'female',
      dateOfBirth: '1990-01-01',
      country: 'Belgium',
      tags: ['roundtrip'],
    });
    // Left out by the filters: a man, a minor, and a customer of another country.
    await add({
      emails: ['carl@rt.example.com'],
      gender: 'M',
      country: 'Belgium',
      tags: ['roundtrip'],
    });
    await add({
      emails: ['dora@rt.example.com'],
      gender: 'F',
      country: 'Belgium',
      tags: ['roundtrip'],
      dateOfBirth: '2020-01-01',
    });
    await add({
      emails: ['eva@rt.example.com'],
      gender: 'F',
      country: 'France',
      tags: ['roundtrip'],
      dateOfBirth: '1970-01-01',
    });

    const { job, text } = await exportCsv({
      fields: [...EXPORT_FIELDS],
      filters: { country: 'Belgium', tag: 'roundtrip', gender: 'female', ageMin: 18 },
    });
    assert.equal(job.rowsDone, 2);
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    for (const column of IMPORT_COLUMNS) assert.ok(header.includes(column), `no ${column} column`);
    for (const column of header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c)))
      assert.match(column, /^extra_/, 'a column the import does not read is marked extra');
    const anna = Object.fromEntries(
      header.map((c, i) => [c, rows.find((r) => r.includes('RT1'))![i]])
    );
    assert.deepEqual(
      [anna.email, anna.extra_other_emails, anna.phone_number, anna.terms],
      [
        'anna@rt.example.com',
        'anna.work@rt.example.org',
        '31612345678',
        '2023-12-01:news letter, 2024-01-15:privacy',
      ]
    );

    const dryRun = await importCsv(strapi, admin, text, { dryRun: true });
    assert.equal(dryRun.status, 'completed', dryRun.error ?? '');
    assert.deepEqual(
      [dryRun.created, dryRun.updated, dryRun.unchanged, dryRun.failed],
      [0, 0, 2, 0],
      JSON.stringify(dryRun.rows)
    );
    assert.deepEqual(dryRun.unknownColumns, [], 'extra columns are not reported as unknown');
  });

  it('re-imports customers without email, with only a phone and anonymized as they are, and an edited city as an update', async () => {
    const created: Customer[] = [];
    const add = async (body: object) => {
      const res = await admin.post('/segments/customers', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      created.push(res.body.data);
      return res.body.data as Customer;
    };
    const visitor = await add({ firstName: 'Noa', city: 'Delft', tags: ['visitor'] });
    await add({ phones: ['31699887766'] });
    const gone = await add({ firstName: 'Gone', emails: ['gone@rt2.example.com'], city: 'Ede' });
    const anonymized = await admin.post(`/segments/customers/${gone.documentId}/anonymize`, {});
    assert.equal(anonymized.status, 200, JSON.stringify(anonymized.body));
    const fien = await add({ firstName: 'Fien', emails: ['fien@rt2.example.com'], city: 'Delft' });

    const { job, text } = await exportCsv({
      fields: [...EXPORT_FIELDS],
      // The selection: a date filter would also hold the customers of the tests before this one.
      documentIds: created.map((c) => c.documentId),
    });
    assert.equal(job.rowsDone, 4);
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const idColumn = header.indexOf('customer_id');
    assert.deepEqual(
      rows.map((r) => r[idColumn]).sort(),
      created.map((c) => c.documentId).sort(),
      'each row names its customer in customer_id'
    );

    const before = await countRows(strapi, TABLE.customers);
    const dryRun = await importCsv(strapi, admin, text, { dryRun: true });
    assert.equal(dryRun.status, 'completed', dryRun.error ?? '');
    assert.deepEqual(
      [dryRun.created, dryRun.updated, dryRun.unchanged, dryRun.failed],
      [0, 0, 4, 0],
      JSON.stringify(dryRun.rows)
    );

    const cityColumn = header.indexOf('city');
    const edited = Papa.unparse([
      header,
      ...rows.map((r) =>
        [fien.documentId, visitor.documentId].includes(r[idColumn])
          ? r.map((cell, i) => (i === cityColumn ? 'Gouda' : cell))
          : r
      ),
    ]);
    const imported = await importCsv(strapi, admin, edited);
    assert.deepEqual(
      [imported.created, imported.updated, imported.unchanged, imported.failed],
      [0, 2, 2, 0],
      JSON.stringify(imported.firstErrors)
    );
    assert.equal(await countRows(strapi, TABLE.customers), before);
    for (const customer of [fien, visitor]) {
      const stored = (await admin.get(`/segments/customers/${customer.documentId}`)).body.data;
      assert.equal(stored.city, 'Gouda');
    }
    const still = (await admin.get(`/segments/customers/${gone.documentId}`)).body.data;
    assert.deepEqual([still.firstName, still.emails, still.city], [null, [], null]);
  });
});
