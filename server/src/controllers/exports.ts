import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import * as yup from 'yup';
import { exportRequestSchema } from '../../../contracts/exports';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

const idSchema = yup.object({ id: yup.number().integer().positive().required() });

/** HTTP layer of CSV exports (the bulk export permission). */
const exportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const request = await validate(
      exportRequestSchema,
      ctx.request.body ?? {},
      'The export is not valid'
    );
    ctx.status = 202;
    ctx.body = {
      data: await getService(strapi, 'exports').create(request, ctx.state.user),
    } satisfies ResponseOf<'exports.create'>;
  },

  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'exports').list(),
    } satisfies ResponseOf<'exports.find'>;
  },

  async findOne(ctx: Context) {
    const { id } = await validate(idSchema, ctx.params, 'Not an export id');
    ctx.body = {
      data: await getService(strapi, 'exports').findOne(id),
    } satisfies ResponseOf<'exports.findOne'>;
  },

  async download(ctx: Context) {
    const { id } = await validate(idSchema, ctx.params, 'Not an export id');
    const stream = await getService(strapi, 'exports').file(id);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    ctx.attachment(`customers-export-${id}.csv`);
    ctx.body = stream;
  },
});

export default exportsController;
