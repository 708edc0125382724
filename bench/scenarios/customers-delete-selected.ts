import type { Knex } from 'knex';
import { TABLE } from '../../contracts/constants';
import type { ImportJob } from '../../contracts/imports';
import { captureEmails, waitForImport } from '../../tests/helpers/imports';
import type { Scenario } from './types';

/** The most ids one bulk delete takes (contracts/customer-bulk.ts). */
const SELECTED = 10_000;
/** Failed rows naming nobody in the database: they must stay. */
const STRANGERS = 1_000;
const int = (n: number) => n.toLocaleString('en-US');
const count = async (query: Knex.QueryBuilder) => Number((await query.count({ n: '*' }))[0].n);

/** A GDPR erasure of many people at once, with failed import rows naming them. */
export default {
  name: 'customers-delete-selected',
  description:
    'Target: under 10 s on both engines. `POST /segments/customers/bulk-delete {"documentIds": [...]}` ' +
    'as the super admin for 10,000 customers (all N when N is smaller) with their events, while ' +
    'failed import rows name half of them: imported untimed through `POST /segments/imports`, one ' +
    'failed row per second selected customer with the email in capitals and the phone as typed, ' +
    'and 1,000 failed rows naming nobody. Checks that every failed row naming them went and the ' +
    'others stayed. Runs in a worker of its own on N customers and M events.',
  unit: 's',
  needs: ['customers', 'events'],
  worker: 'delete-selected',
  targets: { sqlite: { atMost: 10 }, postgres: { atMost: 10 } },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const chosen: { id: number; document_id: string }[] = await knex(TABLE.customers)
      .select('id', 'document_id')
      .orderBy('id')
      .limit(SELECTED);
    const ids = chosen.map((c) => c.id);
    const named = new Set(ids.filter((_, i) => i % 2 === 0));
    const [emails, phones] = await Promise.all([
      knex(TABLE.emails).select('customer_id', 'normalized').whereIn('customer_id', ids),
      knex(TABLE.phones).select('customer_id', 'phone').whereIn('customer_id', ids),
    ]);
    const phoneOf = new Map(
      phones.map((p: { customer_id: number; phone: string }) => [p.customer_id, p.phone])
    );
    const rows = emails
      .filter((e: { customer_id: number }) => named.has(e.customer_id))
      .map(
        (e: { customer_id: number; normalized: string }) =>
          `${e.normalized.toUpperCase()},Bench,+${phoneOf.get(e.customer_id) ?? ''},X`
      );
    for (let i = 0; i < STRANGERS; i++) rows.push(`stranger.${i}@nowhere.example.net,Bench,,X`);
    captureEmails(strapi); // the import's report goes nowhere
    const admin = await ctx.admin();
    const upload = await admin
      .upload('/segments/imports')
      .field('dryRun', 'false')
      .attach(
        'file',
        Buffer.from(`email,first_name,phone_number,gender\n${rows.join('\n')}\n`),
        'failed.csv'
      );
    if (upload.status !== 202)
      throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
    const job: ImportJob = await waitForImport(strapi, admin, upload.body.data.id);
    if (job.status !== 'completed' || job.failed !== rows.length) {
      throw new Error(
        `the failed-row import ${job.status}: ${job.failed} of ${rows.length} failed`
      );
    }
    const events = await count(knex(TABLE.events).whereIn('customer_id', ids));

    const started = performance.now();
    const res = await admin.post('/segments/customers/bulk-delete', {
      documentIds: chosen.map((c) => c.document_id),
    });
    const seconds = (performance.now() - started) / 1000;
    ctx.forgetData();
    if (res.status !== 200)
      throw new Error(`bulk-delete: ${res.status} ${JSON.stringify(res.body)}`);
    const left = await count(knex(TABLE.importErrors));
    if (res.body.data.deleted !== ids.length || left !== STRANGERS) {
      throw new Error(
        `bulk-delete said ${res.body.data.deleted} of ${ids.length} deleted; ${left} failed rows ` +
          `are left where the ${int(STRANGERS)} naming nobody should be`
      );
    }
    return {
      seconds,
      extra:
        `${int(ids.length)} customers, ${int(events)} events, ${int(rows.length - STRANGERS)} ` +
        `failed rows naming them (${int(STRANGERS)} others kept)`,
    };
  },
} satisfies Scenario;
