import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { countRows } from '../helpers/data';
import { isPostgres } from '../helpers/env';
import { waitForImport } from '../helpers/imports';
import { spawnWorker } from '../helpers/spawn-worker';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

/** Rows with and without email: a row imported twice would show as an extra customer. */
const csvOf = (rows: number, prefix: string) =>
  [
    'email,first_name,last_name',
    ...Array.from(
      { length: rows },
      (_, i) => `${i % 3 === 0 ? '' : `${prefix}${i}@example.com`},${prefix},Row${i}`
    ),
  ].join('\n');

const upload = async (csv: string) => {
  const res = await admin.upload('/segments/imports').attach('file', Buffer.from(csv), 'big.csv');
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return res.body.data.id as number;
};

const job = (id: number) => knexOf(strapi)(TABLE.importJobs).where('id', id).first();
const setWorker = (on: boolean) => strapi.config.set('plugin::segments.importWorker', on);

describe('import jobs across instances', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
  });
  after(() => stopStrapi(strapi));

  it('resumes an import whose instance died mid-way, without duplicates and without losing rows', async () => {
    setWorker(false);
    const rows = 30_000;
    const id = await upload(csvOf(rows, 'crash'));
    const worker = spawnWorker({ SEGMENTS_IMPORT_LEASE_MS: '1000' });
    let seen = 0;
    for (let i = 0; i < 600 && seen < 2000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = Number((await job(id)).rows_done);
    }
    worker.kill('SIGKILL');
    await worker.done;
    const halfway = await job(id);
    assert.equal(halfway.status, 'running', 'the job was cut off while running');
    assert.ok(
      Number(halfway.rows_done) >= 2000 && Number(halfway.rows_done) < rows,
      `cut at ${halfway.rows_done}`
    );

    setWorker(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    strapi.plugin('segments').service('import-runner').start();
    const done = await waitForImport(strapi, admin, id);
    assert.equal(done.status, 'completed', done.error ?? '');
    assert.deepEqual([done.rowsDone, done.created, done.failed], [rows, rows, 0]);
    assert.equal(await countRows(strapi, TABLE.customers), rows);
    assert.equal(await countRows(strapi, TABLE.emails), rows - rows / 3);
  });

  it('leaves an import cut off by Strapi stopping to be resumed, without duplicates, and keeps answering meanwhile', async () => {
    const runner = strapi.plugin('segments').service('import-runner');
    const lease = strapi.plugin('segments').config('importLeaseMs');
    strapi.config.set('plugin::segments.importLeaseMs', 1000);
    try {
      const before = await countRows(strapi, TABLE.customers);
      const rows = 30_000;
      const id = await upload(csvOf(rows, 'stop'));
      let seen = 0;
      for (let i = 0; i < 600 && seen < 5000; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = Number((await job(id)).rows_done);
      }
      await runner.stop();
      const halfway = await job(id);
      assert.equal(halfway.status, 'running', 'the job waits for an instance to take it up');
      assert.ok(Number(halfway.rows_done) < rows, `cut at ${halfway.rows_done}`);
      // The connection the import borrowed while writing came back: Strapi still answers.
      assert.equal((await admin.get('/segments/customers?pageSize=1')).status, 200);

      await new Promise((resolve) => setTimeout(resolve, 1100));
      runner.start();
      const done = await waitForImport(strapi, admin, id);
      assert.equal(done.status, 'completed', done.error ?? '');
      assert.deepEqual([done.rowsDone, done.created, done.failed], [rows, rows, 0]);
      assert.equal(await countRows(strapi, TABLE.customers), before + rows);
    } finally {
      strapi.config.set('plugin::segments.importLeaseMs', lease);
    }
  });

  it(
    'lets two instances on one PostgreSQL database claim each job exactly once, one at a time',
    { skip: !isPostgres() && 'needs PostgreSQL (npm run test:pg)' },
    async () => {
      setWorker(false);
      const before = await countRows(strapi, TABLE.customers);
      const ids = [
        await upload(csvOf(3000, 'a')),
        await upload(csvOf(3000, 'b')),
        await upload(csvOf(3000, 'c')),
      ];
      const workers = [spawnWorker(), spawnWorker()];
      assert.deepEqual(await Promise.all(workers.map((w) => w.done)), [0, 0]);
      const jobs = await Promise.all(ids.map(job));
      for (const j of jobs) {
        assert.equal(j.status, 'completed');
        assert.deepEqual([Number(j.rows_done), Number(j.created)], [3000, 3000]);
      }
      assert.equal(await countRows(strapi, TABLE.customers), before + 9000);
      const spans = jobs
        .map((j) => [new Date(j.started_at).getTime(), new Date(j.finished_at).getTime()])
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++)
        assert.ok(spans[i][0] >= spans[i - 1][1], 'jobs ran one after another');
      setWorker(true);
    }
  );
});
