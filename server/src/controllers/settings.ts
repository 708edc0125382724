import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { retentionSchema, type RetentionSettings } from '../../../contracts/retention';
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

  async retention(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'retention').overview() };
  },

  async saveRetention(ctx: Context) {
    const input = await validate(
      retentionSchema,
      ctx.request.body ?? {},
      'Retention settings are not valid'
    );
    ctx.body = { data: await getService(strapi, 'retention').save(input as RetentionSettings) };
  },

  async runRetention(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'retention').run('manual') };
  },

  async update(ctx: Context) {
    const input = await validate(settingsSchema, ctx.request.body ?? {}, 'Settings are not valid');
    ctx.body = { data: await getService(strapi, 'settings').set(input) };
  },
});

export default settings;
