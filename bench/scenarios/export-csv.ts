import fs from 'node:fs';
import { TABLE } from '../../contracts/constants';
import type { ExportField } from '../../contracts/exports';
import type { Scenario } from './types';

/** What an editor typically exports: the profile, its lists and the segments, no audit columns. */
const FIELDS: ExportField[] = [
  'documentId',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'gender',
  'dateOfBirth',
  'city',
  'country',
  'jobTitle',
  'tags',
  'terms',
  'segments',
  'lastActivityAt',
  'createdAt',
];

/** The CSV export of every customer, as the admin starts it. */
export default {
  name: 'export-csv',
  description:
    'Target: 100,000 rows/s on SQLite, 200,000 on PostgreSQL, peak RSS under 300 MB (the ' +
    'detail gives what the export added to the RSS it started at). ' +
    '`POST /segments/exports` as the super admin with 15 fields (documentId, names, emails, ' +
    'phones, gender, date of birth, city, country, job title, tags, terms, segments, last ' +
    'activity, created), all N customers, timed until the background job has written the ' +
    'file (server/src/services/exports.ts). Runs after the segment scenarios, so the segments ' +
    'column holds memberships of their 20 segments. The file is removed afterwards.',
  unit: 'rows/s',
  needs: ['customers'],
  targets: {
    sqlite: { atLeast: 100_000, peakRssMbBelow: 300 },
    postgres: { atLeast: 200_000, peakRssMbBelow: 300 },
  },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const admin = await ctx.admin();
    const rssBefore = process.memoryUsage.rss() / 2 ** 20;
    const started = performance.now();
    const res = await admin.post('/segments/exports', { fields: FIELDS });
    if (res.status !== 202) {
      throw new Error(`POST /segments/exports: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await strapi.plugin('segments').service('exports').idle();
    const seconds = (performance.now() - started) / 1000;
    const job = await (await ctx.knex())(TABLE.exportJobs).where('id', res.body.data.id).first();
    if (job.status !== 'completed') throw new Error(`the export ${job.status}: ${job.error}`);
    const rows = Number(job.rows_done);
    if (rows < ctx.customers) throw new Error(`the export wrote ${rows} of ${ctx.customers} rows`);
    // The worker reset the kernel's high-water mark before this run (bench/lib/rss.ts), so
    // maxRSS is the peak since then: what the export added is that minus the RSS it started at
    // (the worker already holds the N generated customers).
    const peak = process.resourceUsage().maxRSS / 1024;
    const bytes = fs.statSync(job.file_path).size;
    fs.rmSync(job.file_path, { force: true });
    return {
      rows,
      seconds,
      extra: `${FIELDS.length} fields, ${(bytes / 1e6).toFixed(1)} MB; RSS ${rssBefore.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - rssBefore).toFixed(0)} MB during the export)`,
    };
  },
} satisfies Scenario;
