import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import { createTestDatabase } from '../helpers/database';
import { setTestEnv } from '../helpers/env';
import { appDir, distDir, stopStrapi } from '../helpers/strapi';
import { superAdmin } from '../helpers/users';

/** Boots the playground with `settings` added to the plugin's config (playground/config/plugins.ts). */
const bootWith = async (settings: object) => {
  process.env.SEGMENTS_CONFIG = JSON.stringify(settings);
  const app = createStrapi({ appDir, distDir });
  try {
    await app.load();
    await app.server.mount();
    return app;
  } catch (error) {
    await app.destroy().catch(() => undefined);
    throw error;
  } finally {
    delete process.env.SEGMENTS_CONFIG;
  }
};

before(async () => {
  setTestEnv();
  await createTestDatabase();
});

describe('a plugin config with a wrong setting', () => {
  it('stops Strapi at boot with a message naming the setting', async () => {
    await assert.rejects(
      bootWith({ pageSize: '50' }),
      /segments\.config\.pageSize must be an integer between 1 and 500/
    );
    await assert.rejects(
      bootWith({ importWorker: 'no' }),
      /segments\.config\.importWorker must be true or false/
    );
    await assert.rejects(
      bootWith({ trackingRateLimit: { windowMs: 60_000, perIp: '6000', perVisitor: 600 } }),
      /segments\.config\.trackingRateLimit\.perIp must be an integer/
    );
  });
});

describe('a plugin config with every setting right', () => {
  let strapi: Core.Strapi;

  before(async () => {
    strapi = await bootWith({ pageSize: 7 });
  });
  after(() => stopStrapi(strapi));

  it('starts, and the admin lists customers by the configured page size', async () => {
    const admin = await superAdmin(strapi);
    const res = await admin.get('/segments/customers');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.meta.pagination.pageSize, 7);
  });
});
