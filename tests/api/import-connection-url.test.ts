import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { countRows } from '../helpers/data';
import { isPostgres, setTestEnv } from '../helpers/env';
import { waitForImport } from '../helpers/imports';
import { createStrapi } from '@strapi/strapi';
import { appDir, distDir } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';
import { TABLE } from '../../contracts/constants';

let strapi: Core.Strapi;
let admin: AdminClient;
const server = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'strapi',
  password: process.env.DATABASE_PASSWORD ?? 'strapi',
});
const name = `segments_url_${process.pid}_${Date.now()}`;
const admin_ = async (sql: string) => {
  const client = new Client({ ...server(), database: 'postgres' });
  await client.connect();
  await client.query(sql);
  await client.end();
};

// Only PostgreSQL has passwords and connection URLs.
describe(
  'a CSV import on a PostgreSQL whose password is only in DATABASE_URL',
  { skip: !isPostgres() },
  () => {
    const saved = { ...process.env };
    before(async () => {
      const { host, port, user, password } = server();
      await admin_(`CREATE DATABASE "${name}"`);
      process.env.DATABASE_URL = `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${name}`;
      // The separate fields name no usable password: only the URL's may get the worker in.
      setTestEnv();
      process.env.DATABASE_PASSWORD = 'not-the-password';
      strapi = await createStrapi({ appDir, distDir }).load();
      await strapi.server.mount();
      admin = await superAdmin(strapi);
    });
    after(async () => {
      await strapi?.destroy();
      delete process.env.DATABASE_URL;
      Object.assign(process.env, saved);
      await admin_(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });

    it('imports every row through the import worker', async () => {
      const csv = [
        'email,first_name',
        ...Array.from({ length: 50 }, (_, i) => `url${i}@example.com,Url`),
      ].join('\n');
      const res = await admin
        .upload('/segments/imports')
        .attach('file', Buffer.from(csv), 'url.csv');
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const job = await waitForImport(strapi, admin, res.body.data.id);
      assert.equal(job.status, 'completed', JSON.stringify(job));
      assert.equal(await countRows(strapi, TABLE.customers), 50);
    });
  }
);
