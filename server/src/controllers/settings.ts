import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import {
  RETENTION_PERMISSION,
  retentionSchema,
  type RetentionSettings,
} from '../../../contracts/retention';
import { settingsSchema } from '../../../contracts/settings';
import { assertHolds, type UserAbility } from '../utils/ability';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

/** Retention anonymizes or deletes in bulk: whoever sets or runs it must be allowed to by hand. */
const assertMayApply = (ability: UserAbility | undefined, action: RetentionSettings['action']) =>
  assertHolds(
    ability,
    RETENTION_PERMISSION[action],
    action === 'delete' ? 'Retention that deletes customers' : 'Retention that anonymizes customers'
  );

/** Reads and writes the plugin's settings. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'settings').get(),
    } satisfies ResponseOf<'settings.find'>;
  },

  async tagGroups(ctx: Context) {
    ctx.body = {
      data: (await getService(strapi, 'settings').get()).tagGroups,
    } satisfies ResponseOf<'settings.tagGroups'>;
  },

  async retention(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'retention').overview(),
    } satisfies ResponseOf<'settings.retention'>;
  },

  async saveRetention(ctx: Context) {
    const input = (await validate(
      retentionSchema,
      ctx.request.body ?? {},
      'Retention settings are not valid'
    )) as RetentionSettings;
    assertMayApply(ctx.state.userAbility, input.action);
    ctx.body = {
      data: await getService(strapi, 'retention').save(input),
    } satisfies ResponseOf<'settings.saveRetention'>;
  },

  async runRetention(ctx: Context) {
    const retention = getService(strapi, 'retention');
    const settings = await retention.settings();
    assertMayApply(ctx.state.userAbility, settings.action);
    // The settings just checked are the ones applied, even if someone saves others meanwhile.
    ctx.body = {
      data: await retention.run('manual', settings),
    } satisfies ResponseOf<'settings.runRetention'>;
  },

  async update(ctx: Context) {
    const input = await validate(settingsSchema, ctx.request.body ?? {}, 'Settings are not valid');
    ctx.body = {
      data: await getService(strapi, 'settings').set(input),
    } satisfies ResponseOf<'settings.update'>;
  },
});

export default settings;
