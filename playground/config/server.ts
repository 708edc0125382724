import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  // This machine only, unless HOST says otherwise: the demo's logins are not secret.
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') as string[] },
  // The segments plugin refreshes "in the last N days" segments on a schedule.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});

export default config;
