import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../../server/src/database/document-id';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { wholeDatabaseText } from '../helpers/data';
import { importCsv } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

/**
 * A GDPR erasure of many people at once: 5,000 customers with failed import rows, dry-run rows,
 * events and segment memberships naming them, deleted in one request.
 */
const N = 5000;
/** Every deleted person's email ends so, and no kept one's does. */
const DOMAIN = '@scale.example.com';
const email = (i: number) => `person.${i}${DOMAIN}`;
/** Phone digits with a prefix no other number in the database has. */
const PREFIX = '3197099';
const phone = (i: number) => `${PREFIX}${String(i).padStart(5, '0')}`;
/** The same number as a person types it: "+31 970 99 00042". */
const typed = (i: number) => `+31 970 99 ${String(i).padStart(5, '0')}`;
const KEPT = ['kept.one@scale.example.org', 'kept.two@scale.example.org'];
const STRANGER = 'stranger@elsewhere.example.net';

let strapi: Core.Strapi;
let admin: AdminClient;
let importId: number;

const csv = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`;

describe('deleting thousands of customers at once', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    const rows: string[] = [];
    for (let i = 0; i < N; i++) rows.push(`${email(i)},Person,${phone(i)},F,scale`);
    KEPT.forEach((e, k) => rows.push(`${e},Kept,3161234500${k},M,scale`));
    // Failed rows: a date that does not exist, naming a person by email in capitals and by a
    // typed phone number, or by the phone number alone.
    for (let i = 0; i < N; i += 2) rows.push(`${email(i).toUpperCase()},Person,${typed(i)},X,`);
    for (let i = 1; i < N; i += 10) rows.push(`,Person,${typed(i)},X,`);
    KEPT.forEach((e) => rows.push(`${e.toUpperCase()},Kept,,X,`));
    rows.push(`${STRANGER},Stranger,,X,`);
    const job = await importCsv(
      strapi,
      admin,
      csv('email,first_name,phone_number,gender,tags', rows)
    );
    assert.equal(job.status, 'completed', JSON.stringify(job));
    assert.equal(job.created, N + KEPT.length);
    assert.equal(job.failed, N / 2 + N / 10 + KEPT.length + 1);
    importId = job.id;
    // A dry run keeps what each row would do, with its email.
    const dry = await importCsv(
      strapi,
      admin,
      csv(
        'email,first_name',
        Array.from({ length: 100 }, (_, i) => `${email(i * 7).toUpperCase()},Again`).concat(
          `${KEPT[0]},Again`
        )
      ),
      { dryRun: true }
    );
    assert.equal(dry.status, 'completed', JSON.stringify(dry));
    // Events with an email in the URL, and a segment they are members of.
    const knex = knexOf(strapi);
    const ids: { id: number; email: string }[] = await knex(`${TABLE.customers} as c`)
      .join(`${TABLE.emails} as e`, 'e.customer_id', 'c.id')
      .select('c.id', 'e.normalized as email')
      .whereLike('e.normalized', `%${DOMAIN}`)
      .limit(1000);
    const now = new Date();
    for (let i = 0; i < ids.length; i += 200) {
      await knex(TABLE.events).insert(
        ids.slice(i, i + 200).map((c) => ({
          document_id: newDocumentId(),
          customer_id: c.id,
          type: 'View',
          url: `https://shop.example.com/account?email=${c.email}`,
          occurred_at: now,
          created_at: now,
          updated_at: now,
        }))
      );
    }
    const segment = await admin.post('/segments/segments', {
      name: 'Scale',
      rules: {
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'tags', operator: 'equals', value: 'scale' }],
      },
    });
    assert.equal(segment.status, 201, JSON.stringify(segment.body));
    await strapi.plugin('segments').service('segment-refresh').idle();
  });
  after(() => stopStrapi(strapi));

  it('deletes 5,000 selected customers in one request and finds none of them anywhere', async () => {
    const knex = knexOf(strapi);
    const selected: string[] = await knex(`${TABLE.customers} as c`)
      .join(`${TABLE.emails} as e`, 'e.customer_id', 'c.id')
      .whereLike('e.normalized', `%${DOMAIN}`)
      .pluck('c.document_id');
    assert.equal(selected.length, N);
    const before = await wholeDatabaseText(strapi);
    assert.ok(before.includes(DOMAIN) && before.includes(PREFIX) && before.includes('970 99'));

    const started = performance.now();
    const res = await admin.post('/segments/customers/bulk-delete', { documentIds: selected });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data, { deleted: N });
    console.log(`# deleted ${N} customers in ${seconds.toFixed(1)} s`);

    const everything = await wholeDatabaseText(strapi);
    for (const trace of [DOMAIN, PREFIX, '970 99']) {
      assert.ok(!everything.includes(trace), `"${trace}" is still in the database`);
    }
    // Failed rows errors file: the deleted people are gone from it, the others are not.
    const file = await admin.get(`/segments/imports/${importId}/errors.csv`);
    assert.equal(file.status, 200);
    assert.ok(!file.text.toLowerCase().includes(DOMAIN) && !file.text.includes('970 99'));
    for (const kept of [...KEPT, STRANGER]) {
      assert.ok(file.text.toLowerCase().includes(kept), `the failed row of ${kept} stays`);
    }
    // The kept customers, their dry-run row and their memberships are untouched.
    const left = await admin.get('/segments/customers?q=kept');
    assert.equal(left.body.meta.pagination.total, KEPT.length);
    const dryRunRows = await knex(TABLE.importRows).whereNull('customer_id').pluck('email');
    assert.deepEqual(dryRunRows, [KEPT[0]], 'the dry-run row of a kept customer stays');
    const [scale] = (await admin.get('/segments/segments')).body.data.filter(
      (s: { name: string }) => s.name === 'Scale'
    );
    assert.equal(scale.memberCount, KEPT.length);
  });
});
