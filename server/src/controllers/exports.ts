import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { exportCountSchema, exportRequestSchema } from '../../../contracts/exports';
import { getService } from '../utils/get-service';
import { reply, validBody } from '../utils/respond';
import { idParamsSchema } from '../validation/id-params';
import { validate } from '../validation/validate';

/** HTTP layer of CSV exports (the bulk export permission). */
const exportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'exports');
  const idOf = async (ctx: Context) =>
    (await validate(idParamsSchema, ctx.params, 'Not an export id')).id;

  return {
    async create(ctx: Context) {
      const request = await validBody(ctx, exportRequestSchema, 'The export is not valid');
      reply(ctx, 'exports.create', { data: await service().create(request, ctx.state.user) });
    },

    async count(ctx: Context) {
      const scope = await validBody(ctx, exportCountSchema, 'The export is not valid');
      reply(ctx, 'exports.count', { data: { count: await service().count(scope) } });
    },

    async find(ctx: Context) {
      reply(ctx, 'exports.find', { data: await service().list() });
    },

    async findOne(ctx: Context) {
      reply(ctx, 'exports.findOne', { data: await service().findOne(await idOf(ctx)) });
    },

    async download(ctx: Context) {
      const id = await idOf(ctx);
      const stream = await service().file(id);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Cache-Control', 'no-store');
      ctx.attachment(`customers-export-${id}.csv`);
      ctx.body = stream;
    },
  };
};

export default exportsController;
