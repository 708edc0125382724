import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'segments-demo-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'segments-demo-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'segments-demo-transfer-salt'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', 'segments-demo-encryption-key'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
