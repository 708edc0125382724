import type { Core } from '@strapi/strapi';
import { requireSecrets } from './secrets';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    requireSecrets(strapi);
  },
  bootstrap() {},
};
