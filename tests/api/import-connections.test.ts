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
import { knexOf } from '../../server/src/database/knex';

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

// .ci/start-postgres.sh makes the role strapi_ssl, which may connect only over SSL.
describe('a CSV import on a PostgreSQL reached with SSL options', { skip: !isPostgres() }, () => {
  const saved = { ...process.env };
  const sslName = `${name}_ssl`;
  let ssl = false;
  before(async () => {
    const client = new Client({ ...server(), database: 'postgres' });
    await client.connect();
    ssl = (await client.query('SHOW ssl')).rows[0].ssl === 'on';
    await client.end();
    if (!ssl) return;
    await admin_(`DROP ROLE IF EXISTS strapi_ssl`);
    await admin_(`CREATE ROLE strapi_ssl LOGIN SUPERUSER PASSWORD 'ssl-only'`);
    await admin_(`CREATE DATABASE "${sslName}" OWNER strapi_ssl`);
    setTestEnv();
    Object.assign(process.env, {
      DATABASE_USERNAME: 'strapi_ssl',
      DATABASE_PASSWORD: 'ssl-only',
      DATABASE_NAME: sslName,
      DATABASE_SSL: 'true',
      DATABASE_SSL_REJECT_UNAUTHORIZED: 'false',
    });
    strapi = await createStrapi({ appDir, distDir }).load();
    await strapi.server.mount();
    admin = await superAdmin(strapi);
  });
  after(async () => {
    if (!ssl) return;
    await strapi?.destroy();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await admin_(`DROP DATABASE IF EXISTS "${sslName}" WITH (FORCE)`);
    await admin_(`DROP ROLE IF EXISTS strapi_ssl`);
  });

  it('imports every row through the import worker, which connects with SSL too', async (t) => {
    if (!ssl) return t.skip('this PostgreSQL has no SSL (see .ci/start-postgres.sh)');
    const [row] = (
      await knexOf(strapi).raw('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')
    ).rows;
    assert.equal(row.ssl, true, "Strapi's own connection uses SSL");
    const csv = [
      'email,first_name',
      ...Array.from({ length: 50 }, (_, i) => `ssl${i}@example.com,Ssl`),
    ].join('\n');
    const res = await admin.upload('/segments/imports').attach('file', Buffer.from(csv), 'ssl.csv');
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const job = await waitForImport(strapi, admin, res.body.data.id);
    assert.equal(job.status, 'completed', JSON.stringify(job));
    assert.equal(await countRows(strapi, TABLE.customers), 50);
  });
});
