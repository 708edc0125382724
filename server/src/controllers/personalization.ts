import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { previewQuerySchema } from '../../../contracts/audience';
import { getService } from '../utils/get-service';
import { reply, validQuery } from '../utils/respond';

/** HTTP layer of the "View as" preview in the Content Manager. */
const personalization = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const query = await validQuery(ctx, previewQuerySchema, 'The preview query is not valid');
    const data = await getService(strapi, 'personalization').preview(query, ctx.state.userAbility);
    reply(ctx, 'personalization.preview', { data });
  },
});

export default personalization;
