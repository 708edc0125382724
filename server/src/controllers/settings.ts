import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  RETENTION_PERMISSION,
  retentionSchema,
  type RetentionSettings,
} from '../../../contracts/retention';
import { settingsSchema } from '../../../contracts/settings';
import { assertHolds, type UserAbility } from '../utils/ability';
import { getService } from '../utils/get-service';
import { reply, validBody } from '../utils/respond';

/** Retention anonymizes or deletes in bulk: whoever sets or runs it must be allowed to by hand. */
const assertMayApply = (ability: UserAbility | undefined, action: RetentionSettings['action']) =>
  assertHolds(
    ability,
    RETENTION_PERMISSION[action],
    action === 'delete' ? 'Retention that deletes customers' : 'Retention that anonymizes customers'
  );

/** Reads and writes the plugin's settings. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'settings');
  const retention = () => getService(strapi, 'retention');

  return {
    async find(ctx: Context) {
      reply(ctx, 'settings.find', { data: await service().get() });
    },

    async tagGroups(ctx: Context) {
      reply(ctx, 'settings.tagGroups', { data: (await service().get()).tagGroups });
    },

    async retention(ctx: Context) {
      reply(ctx, 'settings.retention', { data: await retention().overview() });
    },

    async saveRetention(ctx: Context) {
      const input = (await validBody(
        ctx,
        retentionSchema,
        'Retention settings are not valid'
      )) as RetentionSettings;
      assertMayApply(ctx.state.userAbility, input.action);
      reply(ctx, 'settings.saveRetention', { data: await retention().save(input) });
    },

    async runRetention(ctx: Context) {
      const settings = await retention().settings();
      assertMayApply(ctx.state.userAbility, settings.action);
      // The settings just checked are the ones applied, even if someone saves others meanwhile.
      reply(ctx, 'settings.runRetention', { data: await retention().run('manual', settings) });
    },

    async update(ctx: Context) {
      const input = await validBody(ctx, settingsSchema, 'Settings are not valid');
      reply(ctx, 'settings.update', { data: await service().set(input) });
    },
  };
};

export default settings;
