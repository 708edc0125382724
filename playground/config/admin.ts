import type { Core } from '@strapi/strapi';

/** The demo's personalized types that have a page on the site, so a preview URL. */
const PREVIEWED = ['api::promo.promo', 'api::banner.banner'];

// Secrets have no default here: npm start generates them into playground/.env (scripts/secrets.mjs)
// and src/index.ts refuses to boot without them (hence the casts: undefined never gets that far).
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET') as string,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT') as string,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // Strapi's preview: the site's preview route for an entry. The View-as panel of the segments
  // plugin opens this URL with ?segments=&abVariant= added (docs/personalization.md).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [new URL(env('PREVIEW_URL', 'http://localhost:3000')).origin],
      handler: (uid, { documentId, locale, status }) => {
        if (!PREVIEWED.includes(uid)) return null;
        const query = new URLSearchParams({ uid, documentId, status: status ?? 'published' });
        if (locale) query.set('locale', locale);
        return `${env('PREVIEW_URL', 'http://localhost:3000')}/preview?${query}`;
      },
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
