import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Stops background work: the import runner finishes its batch; queued evaluations run. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'import-runner').stop();
  await getService(strapi, 'segment-refresh').idle();
  await getService(strapi, 'exports').idle();
};

export default destroy;
