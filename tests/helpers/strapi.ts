import path from 'path';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import { createTestDatabase, dropTestDatabase } from './database';
import { setTestEnv } from './env';

export const appDir = path.resolve(__dirname, '..', '..', 'playground');
export const distDir = path.join(appDir, 'dist');

/**
 * Boots the playground Strapi in this process on an empty database, with its HTTP server
 * mounted for supertest. The playground must be compiled first (scripts/test.mjs does it).
 */
export const bootStrapi = async (): Promise<Core.Strapi> => {
  setTestEnv();
  await createTestDatabase();
  const app = await createStrapi({ appDir, distDir }).load();
  await app.server.mount();
  if (!app.plugin('segments')) {
    throw new Error('The segments plugin did not load: is dist/server built (npm run build)?');
  }
  return app;
};

/** Stops Strapi and removes its database. */
export const stopStrapi = async (app: Core.Strapi | undefined) => {
  if (app) await app.destroy();
  await dropTestDatabase();
};
