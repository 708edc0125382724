import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PassThrough } from 'stream';
import { TABLE } from '../../../contracts/constants';
import { IMPORT_COLUMNS, type ImportRowOutcome } from '../../../contracts/imports';
import { csvLine } from '../csv/cells';
import { toImportJob } from '../database/import-jobs';
import { knexOf } from '../database/knex';
import { getService } from '../utils/get-service';
import { mailConfigured } from '../utils/mail';
import { pluginConfig } from '../config/plugin-config';

/** Import jobs: accept an upload, list and show jobs, and serve their error files. */
const imports = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const dir = () => path.resolve(strapi.dirs.app.root, pluginConfig(strapi).importDir);

  const rowOf = async (id: number) => {
    const row = await knex()(TABLE.importJobs).where('id', id).first();
    if (!row) throw new errors.NotFoundError(`No import with id ${id}`);
    return row;
  };

  return {
    /** Keeps the uploaded file where every instance can read it and queues a job for it. */
    async create(
      file: { filepath: string; originalFilename?: string | null; size: number },
      options: { dryRun: boolean; user: { id: number; email: string } }
    ) {
      fs.mkdirSync(dir(), { recursive: true });
      const stored = path.join(dir(), `${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
      fs.copyFileSync(file.filepath, stored);
      fs.rmSync(file.filepath, { force: true });
      const [row] = await knex()(TABLE.importJobs)
        .insert({
          status: 'queued',
          dry_run: options.dryRun,
          file_name: (file.originalFilename ?? 'customers.csv').slice(0, 255),
          file_path: stored,
          file_size: file.size,
          bytes_done: 0,
          rows_done: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          failed: 0,
          last_line: 1,
          reported_rows: 0,
          created_by_id: options.user.id,
          created_by_email: options.user.email,
          created_at: new Date(),
        })
        .returning('id');
      const id = typeof row === 'object' ? row.id : row;
      getService(strapi, 'import-runner').start();
      return toImportJob(await rowOf(id));
    },

    async list() {
      const rows = await knex()(TABLE.importJobs).orderBy('id', 'desc').limit(50);
      return rows.map((r: Record<string, any>) => toImportJob(r));
    },

    /** One job with its first failed rows and, for a dry run, what each row would do. */
    async findOne(id: number) {
      const job = toImportJob(await rowOf(id));
      const firstErrors = await knex()(TABLE.importErrors)
        .select('line', 'column_name as column', 'reason')
        .where('job_id', id)
        .orderBy(['line', 'id'])
        .limit(20);
      const emailReport = !job.dryRun && mailConfigured(strapi);
      if (!job.dryRun) return { ...job, firstErrors, emailReport };
      const rows: ImportRowOutcome[] = (
        await knex()(TABLE.importRows).where('job_id', id).orderBy('line')
      ).map((r: Record<string, any>) => ({
        line: r.line,
        action: r.action,
        email: r.email,
        fields: JSON.parse(r.fields),
        reasons: JSON.parse(r.reasons),
      }));
      return { ...job, firstErrors, emailReport, rows };
    },

    /** The failed rows as CSV (line, column, reason, then the row's own columns), streamed. */
    async errorsCsv(id: number) {
      await rowOf(id);
      const out = new PassThrough();
      const header = ['line', 'column', 'reason', ...IMPORT_COLUMNS];
      out.write(csvLine(header));
      void (async () => {
        let after = 0;
        for (;;) {
          const rows = await knex()(TABLE.importErrors)
            .where('job_id', id)
            .andWhere('id', '>', after)
            .orderBy('id')
            .limit(1000);
          if (rows.length === 0) break;
          after = rows[rows.length - 1].id;
          const lines = rows.map((r: Record<string, any>) => {
            const raw = JSON.parse(r.raw ?? '{}');
            return csvLine([r.line, r.column_name, r.reason, ...IMPORT_COLUMNS.map((c) => raw[c])]);
          });
          if (!out.write(lines.join('')))
            await new Promise((resolve) => out.once('drain', resolve));
        }
        out.end();
      })().catch((error) => out.destroy(error));
      return out;
    },
  };
};

export default imports;
