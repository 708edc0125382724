import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { writeCustomersCsv } from '../../bench/generate-csv';
import { TABLE } from '../../contracts/constants';
import { countRows } from '../helpers/data';
import { waitForImport } from '../helpers/imports';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

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
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 50);
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
    }
    // Flat: the last third of the import peaks no higher than the first third (plus GC noise);
    // memory that grew with the rows read would show here.
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const third = Math.floor(samples.length / 3);
    const early = Math.max(...samples.slice(0, third));
    const late = Math.max(...samples.slice(-third));
    assert.ok(
      late < early + 100 * 1024 * 1024,
      `peak RSS rose from ${mb(early)} MB to ${mb(late)} MB`
    );
    // A guard against a leak that would take the machine down; the bench records the real peak.
    assert.ok(Math.max(...samples) < 1024 * 1024 * 1024, `peak RSS ${mb(Math.max(...samples))} MB`);
  });
});
