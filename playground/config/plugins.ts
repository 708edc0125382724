import type { Core } from '@strapi/strapi';
import { pluginRoot } from '../src/paths';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  // Bounds on every GraphQL query (Strapi warns when they are unbounded).
  graphql: { config: { defaultLimit: 25, maxLimit: 100, depthLimit: 10 } },
  segments: {
    enabled: true,
    resolve: pluginRoot,
    config: {
      importLeaseMs: env.int('SEGMENTS_IMPORT_LEASE_MS', 60_000),
      importWorker: env.bool('SEGMENTS_IMPORT_WORKER', true),
      // The site's server signs visitors' emails with it (userHash); npm start generates it.
      identityVerification: { secret: env('SEGMENTS_IDENTITY_SECRET') ?? null, mode: 'required' },
      // Raised by the benchmark's tracking-ingest (16 clients on one loopback IP).
      trackingRateLimit: {
        windowMs: 60_000,
        perIp: env.int('SEGMENTS_TRACKING_PER_IP', 6000),
        perVisitor: env.int('SEGMENTS_TRACKING_PER_VISITOR', 600),
      },
      // Any other settings as JSON, to try one without editing this file (the boot tests use it).
      ...env.json('SEGMENTS_CONFIG', {}),
    },
  },
});

export default config;
