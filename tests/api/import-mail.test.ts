import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { captureEmails, importCsv } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const csv = (email: string) => `first_name,email\nMia,${email}\n`;

// docs/developer-guide.md: without an email provider of the app's own the plugin sends no
// report, and the import's report says so (the admin shows it as a notice).
describe('import report emails', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
  });
  after(() => stopStrapi(strapi));

  it("says the report is not emailed when the app keeps Strapi's default sendmail", async () => {
    assert.equal(strapi.config.get('plugin::email.provider'), 'sendmail');
    const sent: unknown[] = [];
    (strapi.plugin('email') as unknown as { provider: unknown }).provider = {
      send: async (options: unknown) => void sent.push(options),
    };
    const job = await importCsv(strapi, admin, csv('mia@example.com'));
    assert.equal(job.status, 'completed');
    assert.equal((job as { emailReport?: boolean }).emailReport, false);
    assert.deepEqual(sent, [], 'nothing went to sendmail');
  });

  it('says the report is emailed, and emails it, once the app has a provider', async () => {
    const emails = captureEmails(strapi);
    const job = await importCsv(strapi, admin, csv('noor@example.com'));
    assert.equal((job as { emailReport?: boolean }).emailReport, true);
    assert.equal(emails.length, 1);
    const dryRun = await importCsv(strapi, admin, csv('lis@example.com'), { dryRun: true });
    assert.equal((dryRun as { emailReport?: boolean }).emailReport, false, 'a dry run mails none');
  });
});
