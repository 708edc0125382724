import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { previewQuerySchema } from '../../../contracts/audience';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

/** HTTP layer of the "View as" preview in the Content Manager. */
const personalization = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const query = await validate(previewQuerySchema, ctx.query, 'The preview query is not valid');
    const ability = ctx.state.userAbility as { can(action: string, subject: string): boolean };
    if (!ability?.can('plugin::content-manager.explorer.read', query.uid))
      throw new errors.ForbiddenError(`You may not read ${query.uid} in the Content Manager`);
    ctx.body = { data: await getService(strapi, 'personalization').preview(query) };
  },
});

export default personalization;
