import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import type { ImportJob } from '../../../contracts/imports';
import { toImportJob } from '../database/import-jobs';
import { knexOf } from '../database/knex';
import { mailConfigured } from '../utils/mail';
import { pluginConfig } from '../config/plugin-config';

const FIRST_REASONS = 20;

/** The report the reference sends after an import: counts, first reasons, the error file. */
export const reportText = (
  job: ImportJob,
  reasons: { line: number; column: string; reason: string }[],
  link: string
) =>
  [
    `Your customer import of ${job.fileName} ${job.status === 'completed' ? 'is done' : 'stopped'}.`,
    job.error ? `\nWhat went wrong: ${job.error}` : '',
    '',
    `New customers created: ${job.created}`,
    `Existing customers updated with new information: ${job.updated}`,
    `Customers already fully present: ${job.unchanged}`,
    `Rows imported: ${job.created + job.updated + job.unchanged}`,
    `Rows failed: ${job.failed}`,
    ...(reasons.length > 0
      ? [
          '',
          `Why rows failed (first ${reasons.length}):`,
          ...reasons.map((r) => `- line ${r.line}, ${r.column || 'row'}: ${r.reason}`),
        ]
      : []),
    '',
    `Report and the full error file: ${link}`,
  ].join('\n');

/**
 * Sends import reports by email through Strapi's email plugin (logged when it can't); not at all
 * when the app has no email provider of its own (see utils/mail.ts, warned once at boot).
 */
const importReport = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const every = () => pluginConfig(strapi).importReportEvery;

  const send = async (jobRow: Record<string, any>, subject: string) => {
    const job = toImportJob(jobRow);
    if (job.dryRun || !jobRow.created_by_email || !mailConfigured(strapi)) return;
    const reasons = await knex()(TABLE.importErrors)
      .select('line', 'column_name as column', 'reason')
      .where('job_id', job.id)
      .orderBy('line')
      .limit(FIRST_REASONS);
    const base = String(
      strapi.config.get('admin.absoluteUrl') ?? strapi.config.get('admin.url') ?? '/admin'
    );
    const link = `${base.replace(/\/$/, '')}/plugins/segments/imports/${job.id}`;
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: jobRow.created_by_email, subject, text: reportText(job, reasons, link) });
    } catch (error) {
      strapi.log.warn(
        `[segments] could not email the report of import ${job.id}: ${(error as Error).message}`
      );
    }
  };

  return {
    /** The summary when a job ends. */
    async finished(jobId: number) {
      const row = await knex()(TABLE.importJobs).where('id', jobId).first();
      const job = toImportJob(row);
      await send(
        row,
        `Customer import ${job.status}: ${job.created} created, ${job.updated} updated, ${job.unchanged} unchanged, ${job.failed} failed`
      );
    },

    /** With importReportEvery = N, a report per N rows while the job runs. */
    async progress(jobId: number) {
      const n = every();
      if (!n) return;
      const row = await knex()(TABLE.importJobs).where('id', jobId).first();
      const reached = Math.floor(Number(row.rows_done) / n) * n;
      if (reached <= Number(row.reported_rows ?? 0)) return;
      await knex()(TABLE.importJobs).where('id', jobId).update({ reported_rows: reached });
      await send(row, `Customer import in progress: ${reached} rows done`);
    },
  };
};

export default importReport;
