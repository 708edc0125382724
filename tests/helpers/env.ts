import { randomBytes } from 'crypto';
import os from 'os';
import path from 'path';

/** Secrets and a throw-away database for one test process (`.env` is not in the repository). */
export const setTestEnv = () => {
  const secret = () => randomBytes(16).toString('base64');
  process.env.NODE_ENV = 'test';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.APP_KEYS ??= `${secret()},${secret()}`;
  for (const name of [
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
  ]) {
    process.env[name] ??= secret();
  }
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
    process.env.DATABASE_FILENAME = path.join(
      os.tmpdir(),
      `segments-test-${process.pid}-${Date.now()}.db`
    );
  }
};

export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';
