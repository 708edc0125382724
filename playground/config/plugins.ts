import type { Core } from '@strapi/strapi';
import { pluginRoot } from '../src/paths';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  segments: {
    enabled: true,
    resolve: pluginRoot,
    config: {
      importLeaseMs: env.int('SEGMENTS_IMPORT_LEASE_MS', 60_000),
      importWorker: env.bool('SEGMENTS_IMPORT_WORKER', true),
      // Raised by the benchmark's tracking-ingest (16 clients on one loopback IP).
      trackingRateLimit: {
        windowMs: 60_000,
        perIp: env.int('SEGMENTS_TRACKING_PER_IP', 6000),
        perVisitor: env.int('SEGMENTS_TRACKING_PER_VISITOR', 600),
      },
    },
  },
});

export default config;
