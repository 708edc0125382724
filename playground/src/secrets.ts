import type { Core } from '@strapi/strapi';

/** Each secret's place in the configuration, and the variable config/ reads it from. */
const SECRETS: [path: string, variable: string][] = [
  ['server.app.keys', 'APP_KEYS'],
  ['admin.auth.secret', 'ADMIN_JWT_SECRET'],
  ['admin.apiToken.salt', 'API_TOKEN_SALT'],
  ['admin.transfer.token.salt', 'TRANSFER_TOKEN_SALT'],
  ['admin.secrets.encryptionKey', 'ENCRYPTION_KEY'],
  ['plugin::users-permissions.jwtSecret', 'JWT_SECRET'],
];

const isSet = (value: unknown) =>
  Array.isArray(value) ? value.some((v) => typeof v === 'string' && v !== '') : !!value;

/**
 * Refuses to boot without every secret: config/ has no defaults (a default would be the same
 * secret in every install), and Strapi alone only warns about some of them (the encryption key)
 * or makes one up in development (the users-permissions JWT secret).
 */
export const requireSecrets = (strapi: Core.Strapi) => {
  const missing = SECRETS.filter(([path]) => !isSet(strapi.config.get(path))).map(([, v]) => v);
  if (missing.length === 0) return;
  throw new Error(
    `Missing secrets: ${missing.join(', ')}. npm start generates them into playground/.env on ` +
      'its first run; otherwise set each to a random value in the environment ' +
      "(node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\")."
  );
};
