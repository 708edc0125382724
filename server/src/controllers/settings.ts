import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { settingsSchema } from '../../../contracts/settings';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

/** Reads and writes the plugin's settings. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').get() };
  },

  async tagGroups(ctx: Context) {
    ctx.body = { data: (await getService(strapi, 'settings').get()).tagGroups };
  },

  async update(ctx: Context) {
    const input = await validate(settingsSchema, ctx.request.body ?? {}, 'Settings are not valid');
    ctx.body = { data: await getService(strapi, 'settings').set(input) };
  },
});

export default settings;
