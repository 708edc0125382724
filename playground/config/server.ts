import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS', ['segmentsDemoKeyA', 'segmentsDemoKeyB']) },
  // The segments plugin refreshes "in the last N days" segments on a schedule.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});

export default config;
