import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase } from '../helpers/database';
import { setTestEnv } from '../helpers/env';
import { appDir, distDir, stopStrapi } from '../helpers/strapi';

/** The users-permissions secret the playground used to fall back to, published in its config. */
const OLD_DEMO_JWT_SECRET = 'segments-demo-jwt-secret';
const SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
];

/** An HS256 JWT for a users-permissions user id, signed with `secret`. */
const jwtFor = (id: number, secret: string) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

const me = (app: Core.Strapi, token: string) =>
  request(app.server.httpServer).get('/api/users/me').set('Authorization', `Bearer ${token}`);

/** Makes an end user (users-permissions, "authenticated" role); its id. */
const endUser = async (app: Core.Strapi) => {
  const role = await app.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const user = await app
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `reader${Date.now()}`,
      email: `reader${Date.now()}@example.com`,
      password: 'Reader-Password-1',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
  return user.id as number;
};

/**
 * Boots the playground with some secrets taken out of the environment, as an install would run
 * whose operator never set them; the Strapi if it started, after `use` had it.
 */
const bootWithout = async (names: string[], use: (app: Core.Strapi) => Promise<void>) => {
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  for (const name of names) delete process.env[name];
  const app = createStrapi({ appDir, distDir });
  try {
    await app.load();
    await app.server.mount();
    await use(app);
  } finally {
    Object.assign(process.env, saved);
    await app.destroy().catch(() => undefined);
  }
};

// One database for the file; the boots without secrets come first, as each makes itself the
// global `strapi` until the next.
before(async () => {
  setTestEnv();
  await createTestDatabase();
});

describe('an install without its secrets', () => {
  it('does not start, and names every missing secret', async () => {
    await assert.rejects(
      bootWithout(SECRETS, async () => undefined),
      (error: Error) => {
        for (const name of SECRETS) assert.match(error.message, new RegExp(name));
        return /Missing secrets/.test(error.message);
      }
    );
  });

  it('cannot be entered with a token signed by the old published demo secret', async () => {
    let status: number | undefined;
    await bootWithout(['JWT_SECRET'], async (app) => {
      status = (await me(app, jwtFor(await endUser(app), OLD_DEMO_JWT_SECRET))).status;
    }).catch((error: Error) => assert.match(error.message, /Missing secrets: JWT_SECRET/));
    assert.equal(status, undefined, `it started, and /api/users/me answered ${status}`);
  });
});

describe("a user's JWT", () => {
  let strapi: Core.Strapi;
  let userId: number;

  before(async () => {
    strapi = await createStrapi({ appDir, distDir }).load();
    await strapi.server.mount();
    userId = await endUser(strapi);
  });
  after(() => stopStrapi(strapi));

  it('reads /api/users/me only when signed with this install’s secret', async () => {
    const own = await me(
      strapi,
      strapi.plugin('users-permissions').service('jwt').issue({ id: userId })
    );
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.id, userId);
    const forged = await me(strapi, jwtFor(userId, OLD_DEMO_JWT_SECRET));
    assert.equal(forged.status, 401, forged.text);
    assert.equal(forged.body.data, null);
  });
});
