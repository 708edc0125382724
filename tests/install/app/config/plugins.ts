import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

// The template's file, plus the `segments` key of docs/developer-guide.md and docs/tracking.md.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
  segments: {
    enabled: true,
    config: {
      pageSize: 50,
      importDir: env('SEGMENTS_IMPORT_DIR', '.tmp/segments-imports'),
      importWorker: env.bool('SEGMENTS_IMPORT_WORKER', true),
      identityVerification: { secret: env('SEGMENTS_IDENTITY_SECRET'), mode: 'required' },
    },
  },
});

export default config;
