import type { Core } from '@strapi/strapi';
import { personalizationDocumentMiddleware } from './document-middleware';
import { registerGraphqlPersonalization } from './graphql';
import { personalizationKoaMiddleware } from './koa-middleware';

/** The Audience custom field (a canonical JSON string, see contracts/audience.ts). */
export const registerAudienceField = (strapi: Core.Strapi) => {
  strapi.customFields.register({
    name: 'audience',
    plugin: 'segments',
    type: 'string',
    inputSize: { default: 12, isResizable: true },
  });
  strapi.documents.use(personalizationDocumentMiddleware(strapi) as any);
  registerGraphqlPersonalization(strapi);
};

/** Personalized content API responses: headers in, Vary and meta.personalization out. */
export const bootstrapPersonalization = (strapi: Core.Strapi) => {
  strapi.server.use(personalizationKoaMiddleware(strapi) as any);
};
