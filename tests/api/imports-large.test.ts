import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { writeCustomersCsv } from '../../bench/generate-csv';
import { TABLE } from '../../contracts/constants';
import { countRows } from '../helpers/data';
import { waitForImport } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

// A full garbage collection on demand, without starting node with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let strapi: Core.Strapi;
let admin: AdminClient;
const file = path.join(os.tmpdir(), `segments-50mb-${process.pid}.csv`);

describe('a 50 MB import', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
  });
  after(async () => {
    fs.rmSync(file, { force: true });
    await stopStrapi(strapi);
  });

  it('streams through with flat memory and every row accounted for', async () => {
    const summary = await writeCustomersCsv(file, { rows: 330_000 });
    assert.ok(summary.bytes >= 50 * 1024 * 1024, `the file is ${summary.bytes} bytes`);
    // The job runs in a worker thread whose heap is capped at 64 MB: were its memory to grow
    // with the rows read, the job would fail. Strapi's own heap is measured here: retained
    // memory, not RSS (V8 collects lazily, so RSS peaks wander by 100 MB and more between runs,
    // while the heap left after a full collection grows only with what is kept).
    const samples: number[] = [];
    const retained: number[] = [];
    const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 50);
    const collector = setInterval(() => {
      collectGarbage();
      retained.push(process.memoryUsage().heapUsed);
    }, 1000);
    try {
      const res = await admin.upload('/segments/imports').attach('file', file);
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const job = await waitForImport(strapi, admin, res.body.data.id);
      assert.equal(job.status, 'completed', job.error ?? '');
      assert.equal(job.rowsDone, summary.rows);
      assert.equal(job.failed, summary.invalid);
      assert.equal(job.created + job.updated + job.unchanged, summary.valid + summary.duplicate);
      assert.equal(await countRows(strapi, TABLE.customers), job.created);
    } finally {
      clearInterval(sampler);
      clearInterval(collector);
    }
    // Flat: after a full collection, the heap in the last third of the import is no larger
    // than in the first third (plus noise); memory that grew with the rows read would show.
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    assert.ok(retained.length >= 6, `only ${retained.length} heap samples`);
    const third = Math.floor(retained.length / 3);
    const early = Math.max(...retained.slice(0, third));
    const late = Math.max(...retained.slice(-third));
    assert.ok(
      late < early + 50 * 1024 * 1024,
      `the heap kept after a collection rose from ${mb(early)} MB to ${mb(late)} MB`
    );
    // A guard against a leak that would take the machine down; the bench records the real peak.
    assert.ok(Math.max(...samples) < 1024 * 1024 * 1024, `peak RSS ${mb(Math.max(...samples))} MB`);
  });
});
