import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { customerValuesQuerySchema } from '../../../contracts/customer-values';
import { getService } from '../utils/get-service';
import { reply, validQuery } from '../utils/respond';

/** The values customers hold in a field (tags, terms, subscriptions), for pickers. */
const customerValues = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { field, q } = await validQuery(
      ctx,
      customerValuesQuerySchema,
      'The value list query is not valid'
    );
    reply(ctx, 'customer-values.find', {
      data: await getService(strapi, 'customer-values').list(field, q),
    });
  },
});

export default customerValues;
