import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../contracts/constants';

/**
 * The plugin's content types (customers, events, segments) hold personal data behind the
 * plugin's own admin routes; they are not site content. Strapi gives them no REST routes and no
 * permission actions (the plugin declares no content-API controller for them), but the GraphQL
 * plugin's shadow CRUD would serve every content type to any API token with read rights, so it
 * is turned off for each. The plain database models (database/models.ts) are not content types
 * and never reach GraphQL.
 */
export const hideInternalTypesFromGraphql = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  for (const uid of Object.keys(strapi.contentTypes)) {
    if (uid.startsWith(`plugin::${PLUGIN_ID}.`)) extension.shadowCRUD(uid).disable();
  }
};
