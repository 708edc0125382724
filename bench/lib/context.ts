import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { knexOf } from '../../server/src/database/knex';
import { superAdmin, type AdminClient } from '../../tests/helpers/users';
import { writeCustomersCsv } from '../generate-csv';
import type { BenchContext, CsvFile, LoadedCustomers, Need } from '../scenarios/types';
import { analyze, loadCustomers, loadEvents } from './dataset';
import type { WorkerJob } from './protocol';

/** Listens on a loopback port once, so supertest does not open and close a server per request. */
const listen = (app: Core.Strapi) =>
  new Promise<void>((resolve, reject) => {
    app.server.httpServer.once('error', reject).listen(0, '127.0.0.1', () => resolve());
  });

/** The context of one engine run, with `prepare` for a scenario's needs and `close` at the end. */
export const createContext = (job: WorkerJob) => {
  let app: Core.Strapi | undefined;
  let admin: AdminClient | undefined;
  let loaded: LoadedCustomers | undefined;
  let events: number | undefined;
  let csv: CsvFile | undefined;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'segments-bench-'));

  const ctx: BenchContext = {
    engine: job.engine,
    quick: job.quick,
    customers: job.customers,
    events: job.events,
    tmpDir,
    async strapi() {
      if (!app) {
        // Loaded on first use: a run of generate-csv alone then holds no Strapi in memory.
        const { bootStrapi } = await import('../../tests/helpers/strapi');
        app = await bootStrapi();
        await listen(app);
      }
      return app;
    },
    knex: async () => knexOf(await ctx.strapi()),
    admin: async () => (admin ??= await superAdmin(await ctx.strapi())),
    async loadedCustomers() {
      if (!loaded) {
        const knex = await ctx.knex();
        loaded = (await loadCustomers(knex, job.customers)).loaded;
        await analyze(knex, job.engine);
      }
      return loaded;
    },
    hasCustomers: () => Boolean(loaded),
    rememberCustomers: (customers) => void (loaded = customers),
    async loadedEvents() {
      if (events === undefined) {
        const { ids } = await ctx.loadedCustomers();
        const knex = await ctx.knex();
        events = (await loadEvents(knex, job.events, ids)).rows;
        await analyze(knex, job.engine);
      }
      return events;
    },
    rememberEvents: (count) => void (events = count),
    forgetData() {
      loaded = undefined;
      events = undefined;
    },
    async csvFile() {
      csv ??= job.csv;
      if (!csv || !fs.existsSync(csv.path)) {
        const file = path.join(tmpDir, 'customers.csv');
        csv = { path: file, ...(await writeCustomersCsv(file, { rows: job.customers })) };
      }
      return csv;
    },
  };

  return {
    ctx,
    /** Gets a scenario's needs ready before its timing and memory measurement start. */
    async prepare(needs: Need[] = []) {
      if (needs.some((n) => n !== 'csv')) await ctx.admin();
      if (needs.includes('customers') || needs.includes('events')) await ctx.loadedCustomers();
      if (needs.includes('events')) await ctx.loadedEvents();
      if (needs.includes('csv')) await ctx.csvFile();
    },
    /** Stops Strapi, drops its database and removes the temporary files. */
    async close() {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      if (app) await (await import('../../tests/helpers/strapi')).stopStrapi(app);
    },
  };
};
