import fs from 'fs';
import path from 'path';
import { once } from 'events';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import {
  exportRequestSchema,
  exportTitles,
  type ExportField,
  type ExportJob,
  type ExportRequest,
} from '../../../contracts/exports';
import { csvLine } from '../csv/cells';
import type { ExportScope } from '../database/export-query';
import { BOM } from '../csv/export/format';
import { exportRecords } from '../csv/export/records';
import { writeChunk } from '../csv/export/types';
import { applyCustomerFilters } from '../database/customer-filters';
import { knexOf } from '../database/knex';
import { toIso } from '../utils/dates';
import { mailConfigured } from '../utils/mail';
import { pluginConfig } from '../config/plugin-config';

const PROGRESS_MS = 1000;
const KEEP_MS = 7 * 24 * 3600_000;

const toExportJob = (row: Record<string, any>): ExportJob => {
  const request = JSON.parse(row.request ?? '{}') as ExportRequest;
  const finishedAt = toIso(row.finished_at);
  return {
    id: row.id,
    status: row.status,
    fields: request.fields as ExportField[],
    rowsDone: Number(row.rows_done ?? 0),
    rowsTotal:
      row.rows_total === null || row.rows_total === undefined ? null : Number(row.rows_total),
    error: row.error ?? null,
    createdBy: row.created_by_email ?? null,
    createdAt: toIso(row.created_at)!,
    finishedAt,
    expiresAt:
      finishedAt && row.status === 'completed'
        ? new Date(Date.parse(finishedAt) + KEEP_MS).toISOString()
        : null,
  };
};

/**
 * CSV exports of customers, made in the background: streamed from one database query (COPY on
 * PostgreSQL) into a file (UTF-8 with BOM, RFC 4180 quoting, formula-like values neutralised), kept 7 days.
 */
const exportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const dir = () => path.resolve(strapi.dirs.app.root, pluginConfig(strapi).exportDir);
  const running = new Set<Promise<void>>();

  const rowOf = async (id: number) => {
    const row = await knex()(TABLE.exportJobs).where('id', id).first();
    if (!row) throw new errors.NotFoundError(`No export with id ${id}`);
    return row;
  };

  /** The customers an export of `scope` holds, counted as the export query selects them. */
  const count = async (scope: ExportScope) => {
    const query = applyCustomerFilters(knex(), knex()(`${TABLE.customers} as c`), scope.filters);
    if (scope.documentIds !== undefined) query.whereIn('c.document_id', scope.documentIds);
    const [{ total }] = await query.count({ total: '*' });
    return Number(total);
  };

  const write = async (id: number, request: ExportRequest, file: string) => {
    const fields = request.fields as ExportField[];
    const scope = { filters: request.filters, documentIds: request.documentIds };
    const records = exportRecords(knex(), fields, scope);
    const out = fs.createWriteStream(file);
    try {
      await writeChunk(out, { text: `${BOM}${csvLine(fields.flatMap(exportTitles))}`, rows: 0 });
      let done = 0;
      let reported = performance.now();
      for await (const chunk of records) {
        await writeChunk(out, chunk);
        done += chunk.rows;
        // Progress about once a second: each update is a commit, a disk flush on SQLite.
        if (performance.now() - reported >= PROGRESS_MS) {
          reported = performance.now();
          await knex()(TABLE.exportJobs).where('id', id).update({ rows_done: done });
        }
      }
      out.end();
      await once(out, 'finish');
      return done;
    } finally {
      out.destroy();
    }
  };

  const run = async (id: number) => {
    const row = await rowOf(id);
    // Cast again: JSON turned the date filters into strings, which SQLite compares with its
    // epoch-millisecond datetimes as text (no customer matched createdFrom).
    const request: ExportRequest = exportRequestSchema.cast(JSON.parse(row.request));
    fs.mkdirSync(dir(), { recursive: true });
    const file = path.join(dir(), `export-${id}-${Date.now()}.csv`);
    try {
      // The total first, so that progress reads "n of total" from the start.
      const total = await count({ filters: request.filters, documentIds: request.documentIds });
      await knex()(TABLE.exportJobs)
        .where('id', id)
        .update({ status: 'running', file_path: file, rows_total: total });
      const done = await write(id, request, file);
      await knex()(TABLE.exportJobs).where('id', id).update({
        status: 'completed',
        rows_done: done,
        rows_total: done,
        finished_at: new Date(),
      });
      await notify(row, id, `Your customer export is ready: ${done} customers`);
    } catch (error) {
      fs.rmSync(file, { force: true });
      strapi.log.error(`[segments] export ${id} failed: ${(error as Error).stack}`);
      await knex()(TABLE.exportJobs)
        .where('id', id)
        .update({ status: 'failed', error: (error as Error).message, finished_at: new Date() });
    }
  };

  const notify = async (row: Record<string, any>, id: number, subject: string) => {
    if (!row.created_by_email || !mailConfigured(strapi)) return;
    const base = String(
      strapi.config.get('admin.absoluteUrl') ?? strapi.config.get('admin.url') ?? '/admin'
    );
    const link = `${base.replace(/\/$/, '')}/plugins/segments/exports/${id}`;
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to: row.created_by_email,
          subject,
          text: `${subject}.\n\nDownload it from the admin (you need to be logged in): ${link}\nThe file is removed after 7 days.`,
        });
    } catch (error) {
      strapi.log.warn(`[segments] could not email about export ${id}: ${(error as Error).message}`);
    }
  };

  return {
    /** Queues an export and starts it in the background. */
    async create(request: ExportRequest, user: { id: number; email: string }) {
      const [row] = await knex()(TABLE.exportJobs)
        .insert({
          status: 'queued',
          request: JSON.stringify(request),
          rows_done: 0,
          created_by_id: user.id,
          created_by_email: user.email,
          created_at: new Date(),
        })
        .returning('id');
      const id = (typeof row === 'object' ? row.id : row) as number;
      const job = run(id).finally(() => running.delete(job));
      running.add(job);
      return toExportJob(await rowOf(id));
    },

    /** How many rows an export of these customers would write, before starting it. */
    count,

    async list() {
      await this.removeExpired();
      return (await knex()(TABLE.exportJobs).orderBy('id', 'desc').limit(50)).map(toExportJob);
    },

    async findOne(id: number) {
      return toExportJob(await rowOf(id));
    },

    /** The finished file, streamed. */
    async file(id: number) {
      const row = await rowOf(id);
      if (row.status !== 'completed' || !row.file_path || !fs.existsSync(row.file_path)) {
        throw new errors.NotFoundError(
          row.status === 'expired'
            ? 'This export was removed after 7 days'
            : 'This export is not ready'
        );
      }
      return fs.createReadStream(row.file_path);
    },

    /** Removes export files older than 7 days (they hold personal data). */
    async removeExpired() {
      const old = await knex()(TABLE.exportJobs)
        .where('status', 'completed')
        .andWhere('finished_at', '<', new Date(Date.now() - KEEP_MS));
      for (const row of old) {
        if (row.file_path) fs.rmSync(row.file_path, { force: true });
        await knex()(TABLE.exportJobs)
          .where('id', row.id)
          .update({ status: 'expired', file_path: null });
      }
      return old.length;
    },

    /** Resolves when no export runs in this process (tests, shutdown). */
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
};

export default exportsService;
