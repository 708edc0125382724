import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { abTestInputSchema, abTestUpdateSchema } from '../../../contracts/ab-tests';
import { getService } from '../utils/get-service';
import { reply, validBody } from '../utils/respond';
import { pluginConfig } from '../config/plugin-config';

/** HTTP layer of A/B tests: validate, call the service, shape. */
const abTests = ({ strapi }: { strapi: Core.Strapi }) => {
  const customTypes = () => pluginConfig(strapi).customEventTypes;
  const service = () => getService(strapi, 'ab-tests');

  return {
    async find(ctx: Context) {
      reply(ctx, 'ab-tests.find', { data: await service().list() });
    },

    async findOne(ctx: Context) {
      reply(ctx, 'ab-tests.findOne', { data: await service().findOne(ctx.params.documentId) });
    },

    async create(ctx: Context) {
      const schema = abTestInputSchema(customTypes());
      const input = await validBody(ctx, schema, 'The A/B test is not valid');
      reply(ctx, 'ab-tests.create', { data: await service().create(input) });
    },

    async update(ctx: Context) {
      const schema = abTestUpdateSchema(customTypes());
      const input = await validBody(ctx, schema, 'The A/B test is not valid');
      const data = await service().update(ctx.params.documentId, input);
      reply(ctx, 'ab-tests.update', { data });
    },

    async delete(ctx: Context) {
      reply(ctx, 'ab-tests.delete', { data: await service().delete(ctx.params.documentId) });
    },

    async results(ctx: Context) {
      reply(ctx, 'ab-tests.results', { data: await service().results(ctx.params.documentId) });
    },
  };
};

export default abTests;
