import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../contracts/permissions';
import { importModels } from './database/import-models';
import { databaseModels } from './database/models';
import { hideInternalTypesFromGraphql } from './internal-types';
import { registerAudienceField } from './personalization';
import { trackingBodyReader } from './tracking/body-limit';

/** Declares the plugin's plain database tables and its RBAC actions, before the database boots. */
const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const model of [...databaseModels, ...importModels]) {
    strapi.get('models').add(model);
  }
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  registerAudienceField(strapi);
  hideInternalTypesFromGraphql(strapi);
  strapi.server.use(trackingBodyReader(strapi));
};

export default register;
