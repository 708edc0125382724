import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import { previewQuerySchema } from '../../../contracts/audience';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

/** HTTP layer of the "View as" preview in the Content Manager. */
const personalization = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const query = await validate(previewQuerySchema, ctx.query, 'The preview query is not valid');
    ctx.body = {
      data: await getService(strapi, 'personalization').preview(query, ctx.state.userAbility),
    } satisfies ResponseOf<'personalization.preview'>;
  },
});

export default personalization;
