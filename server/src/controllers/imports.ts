import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import * as yup from 'yup';
import { importUploadSchema as uploadSchema } from '../../../contracts/imports';
import { IMPORT_TEMPLATE } from '../csv/template';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';

const idSchema = yup.object({ id: yup.number().integer().positive().required() });

type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };

/** HTTP layer of customer imports. */
const imports = ({ strapi }: { strapi: Core.Strapi }) => ({
  async template(ctx: Context) {
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.attachment('customers-template.csv');
    ctx.body = IMPORT_TEMPLATE;
  },

  async create(ctx: Context) {
    const { dryRun } = await validate(
      uploadSchema,
      ctx.request.body ?? {},
      'The upload is not valid'
    );
    const files =
      (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ??
      {};
    const names = Object.keys(files);
    const file = files.file ?? (names.length === 1 ? files[names[0]] : undefined);
    if (!file || Array.isArray(file)) {
      throw new errors.ValidationError('Send one CSV file in the form field "file"');
    }
    const user = ctx.state.user as { id: number; email: string };
    ctx.status = 202;
    ctx.body = {
      data: await getService(strapi, 'imports').create(file, { dryRun, user }),
    } satisfies ResponseOf<'imports.create'>;
  },

  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'imports').list(),
    } satisfies ResponseOf<'imports.find'>;
  },

  async findOne(ctx: Context) {
    const { id } = await validate(idSchema, ctx.params, 'Not an import id');
    ctx.body = {
      data: await getService(strapi, 'imports').findOne(id),
    } satisfies ResponseOf<'imports.findOne'>;
  },

  async errors(ctx: Context) {
    const { id } = await validate(idSchema, ctx.params, 'Not an import id');
    const stream = await getService(strapi, 'imports').errorsCsv(id);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.attachment(`import-${id}-errors.csv`);
    ctx.body = stream;
  },
});

export default imports;
