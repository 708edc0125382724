import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import { abTestInputSchema, abTestUpdateSchema } from '../../../contracts/ab-tests';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';
import { pluginConfig } from '../config/plugin-config';

/** HTTP layer of A/B tests: validate, call the service, shape. */
const abTests = ({ strapi }: { strapi: Core.Strapi }) => {
  const customTypes = () => pluginConfig(strapi).customEventTypes;
  const service = () => getService(strapi, 'ab-tests');

  return {
    async find(ctx: Context) {
      ctx.body = { data: await service().list() } satisfies ResponseOf<'ab-tests.find'>;
    },

    async findOne(ctx: Context) {
      ctx.body = {
        data: await service().findOne(ctx.params.documentId),
      } satisfies ResponseOf<'ab-tests.findOne'>;
    },

    async create(ctx: Context) {
      const input = await validate(
        abTestInputSchema(customTypes()),
        ctx.request.body ?? {},
        'The A/B test is not valid'
      );
      ctx.status = 201;
      ctx.body = { data: await service().create(input) } satisfies ResponseOf<'ab-tests.create'>;
    },

    async update(ctx: Context) {
      const input = await validate(
        abTestUpdateSchema(customTypes()),
        ctx.request.body ?? {},
        'The A/B test is not valid'
      );
      ctx.body = {
        data: await service().update(ctx.params.documentId, input),
      } satisfies ResponseOf<'ab-tests.update'>;
    },

    async delete(ctx: Context) {
      ctx.body = {
        data: await service().delete(ctx.params.documentId),
      } satisfies ResponseOf<'ab-tests.delete'>;
    },

    async results(ctx: Context) {
      ctx.body = {
        data: await service().results(ctx.params.documentId),
      } satisfies ResponseOf<'ab-tests.results'>;
    },
  };
};

export default abTests;
