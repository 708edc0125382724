import assert from 'node:assert/strict';
import type { Core } from '@strapi/strapi';
import type { ImportJob } from '../../contracts/imports';
import type { AdminClient } from './users';

/** Uploads CSV text as an import and waits until the job has ended. */
export const importCsv = async (
  strapi: Core.Strapi,
  admin: AdminClient,
  csv: string | Buffer,
  options: { dryRun?: boolean; fileName?: string } = {}
) => {
  const res = await admin
    .upload('/segments/imports')
    .field('dryRun', String(options.dryRun ?? false))
    .attach(
      'file',
      Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'),
      options.fileName ?? 'customers.csv'
    );
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return waitForImport(strapi, admin, res.body.data.id);
};

/** Polls an import until it is completed or failed. */
export const waitForImport = async (strapi: Core.Strapi, admin: AdminClient, id: number) => {
  for (let i = 0; i < 600; i++) {
    await strapi.plugin('segments').service('import-runner').idle();
    const res = await admin.get(`/segments/imports/${id}`);
    const job = res.body.data as ImportJob & {
      firstErrors: { line: number; column: string; reason: string }[];
      rows?: any[];
    };
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Import ${id} did not end`);
};

/**
 * Captures the emails Strapi's email plugin sends (the SMTP transport is outside the test), as
 * in an app that configured a provider: the plugin sends nothing with Strapi's default, sendmail.
 */
export const captureEmails = (strapi: Core.Strapi) => {
  const sent: { to: string; subject: string; text: string }[] = [];
  strapi.config.set('plugin::email.provider', 'nodemailer');
  (strapi.plugin('email') as unknown as { provider: unknown }).provider = {
    send: async (options: { to: string; subject: string; text: string }) => {
      sent.push(options);
    },
  };
  return sent;
};
