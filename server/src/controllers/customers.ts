import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import { bulkDeleteSchema } from '../../../contracts/customer-bulk';
import { timelineQuerySchema } from '../../../contracts/customer-events';
import { customerListQuerySchema } from '../../../contracts/customer-list';
import { customerInputSchema } from '../../../contracts/customers';
import { mergeSchema } from '../../../contracts/merges';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';
import { pluginConfig } from '../config/plugin-config';

/** Thin HTTP layer over the customer services: validate, call, shape. */
const customers = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const query = await validate(customerListQuerySchema, ctx.query, 'The list query is not valid');
    ctx.body = (await getService(strapi, 'customer-list').list(
      query,
      pluginConfig(strapi).pageSize
    )) satisfies ResponseOf<'customers.find'>;
  },

  async findOne(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'customers').findOne(ctx.params.documentId),
    } satisfies ResponseOf<'customers.findOne'>;
  },

  async events(ctx: Context) {
    const query = await validate(timelineQuerySchema, ctx.query, 'The timeline query is not valid');
    ctx.body = (await getService(strapi, 'customer-events').list(
      ctx.params.documentId,
      query
    )) satisfies ResponseOf<'customers.events'>;
  },

  async create(ctx: Context) {
    const input = await validate(customerInputSchema, ctx.request.body ?? {}, 'Not valid');
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'customers').create(input, 'manual'),
    } satisfies ResponseOf<'customers.create'>;
  },

  async update(ctx: Context) {
    const input = await validate(customerInputSchema, ctx.request.body ?? {}, 'Not valid');
    ctx.body = {
      data: await getService(strapi, 'customers').update(ctx.params.documentId, input),
    } satisfies ResponseOf<'customers.update'>;
  },

  async delete(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'customers').delete(ctx.params.documentId),
    } satisfies ResponseOf<'customers.delete'>;
  },

  async merge(ctx: Context) {
    const { sourceDocumentId } = await validate(mergeSchema, ctx.request.body ?? {}, 'Not a merge');
    const user = ctx.state.user as { id: number; email: string };
    ctx.body = {
      data: await getService(strapi, 'customer-merge').merge(
        ctx.params.documentId,
        sourceDocumentId,
        user
      ),
    } satisfies ResponseOf<'customers.merge'>;
  },

  async duplicates(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'customer-duplicates').find(ctx.params.documentId),
    } satisfies ResponseOf<'customers.duplicates'>;
  },

  async gdprExport(ctx: Context) {
    const data = await getService(strapi, 'customer-privacy').export(ctx.params.documentId);
    ctx.attachment(`customer-${ctx.params.documentId}-gdpr-export.json`);
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(data, null, 2);
  },

  async anonymize(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'customer-privacy').anonymize(ctx.params.documentId),
    } satisfies ResponseOf<'customers.anonymize'>;
  },

  async bulkDelete(ctx: Context) {
    const input = await validate(
      bulkDeleteSchema,
      ctx.request.body ?? {},
      'Bulk delete is not valid'
    );
    ctx.body = {
      data: await getService(strapi, 'customer-bulk').delete(input),
    } satisfies ResponseOf<'customers.bulkDelete'>;
  },
});

export default customers;
