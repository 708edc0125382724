import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { bulkDeleteSchema } from '../../../contracts/customer-bulk';
import { timelineQuerySchema } from '../../../contracts/customer-events';
import { customerListQuerySchema } from '../../../contracts/customer-list';
import { customerInputSchema } from '../../../contracts/customers';
import { mergeSchema } from '../../../contracts/merges';
import { getService } from '../utils/get-service';
import { reply, validBody, validQuery } from '../utils/respond';
import { pluginConfig } from '../config/plugin-config';

/** Thin HTTP layer over the customer services: validate, call, shape. */
const customers = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'customers');

  return {
    async find(ctx: Context) {
      const query = await validQuery(ctx, customerListQuerySchema, 'The list query is not valid');
      const list = getService(strapi, 'customer-list');
      reply(ctx, 'customers.find', await list.list(query, pluginConfig(strapi).pageSize));
    },

    async findOne(ctx: Context) {
      reply(ctx, 'customers.findOne', { data: await service().findOne(ctx.params.documentId) });
    },

    async events(ctx: Context) {
      const query = await validQuery(ctx, timelineQuerySchema, 'The timeline query is not valid');
      const events = getService(strapi, 'customer-events');
      reply(ctx, 'customers.events', await events.list(ctx.params.documentId, query));
    },

    async create(ctx: Context) {
      const input = await validBody(ctx, customerInputSchema, 'Not valid');
      reply(ctx, 'customers.create', { data: await service().create(input, 'manual') });
    },

    async update(ctx: Context) {
      const input = await validBody(ctx, customerInputSchema, 'Not valid');
      const data = await service().update(ctx.params.documentId, input);
      reply(ctx, 'customers.update', { data });
    },

    async delete(ctx: Context) {
      reply(ctx, 'customers.delete', { data: await service().delete(ctx.params.documentId) });
    },

    async merge(ctx: Context) {
      const { sourceDocumentId } = await validBody(ctx, mergeSchema, 'Not a merge');
      const user = ctx.state.user as { id: number; email: string };
      const merges = getService(strapi, 'customer-merge');
      const data = await merges.merge(ctx.params.documentId, sourceDocumentId, user);
      reply(ctx, 'customers.merge', { data });
    },

    async duplicates(ctx: Context) {
      const data = await getService(strapi, 'customer-duplicates').find(ctx.params.documentId);
      reply(ctx, 'customers.duplicates', { data });
    },

    async gdprExport(ctx: Context) {
      const data = await getService(strapi, 'customer-privacy').export(ctx.params.documentId);
      ctx.attachment(`customer-${ctx.params.documentId}-gdpr-export.json`);
      ctx.set('Content-Type', 'application/json; charset=utf-8');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(data, null, 2);
    },

    async anonymize(ctx: Context) {
      const data = await getService(strapi, 'customer-privacy').anonymize(ctx.params.documentId);
      reply(ctx, 'customers.anonymize', { data });
    },

    async bulkDelete(ctx: Context) {
      const input = await validBody(ctx, bulkDeleteSchema, 'Bulk delete is not valid');
      reply(ctx, 'customers.bulkDelete', {
        data: await getService(strapi, 'customer-bulk').delete(input),
      });
    },
  };
};

export default customers;
