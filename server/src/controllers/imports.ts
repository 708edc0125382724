import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { importUploadSchema as uploadSchema } from '../../../contracts/imports';
import { IMPORT_TEMPLATE } from '../csv/template';
import { getService } from '../utils/get-service';
import { reply, validBody } from '../utils/respond';
import { idParamsSchema } from '../validation/id-params';
import { validate } from '../validation/validate';

type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };

/** The one CSV of a multipart upload: the field "file", or the only field there is. */
const uploadedFile = (ctx: Context) => {
  const files =
    (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ??
    {};
  const names = Object.keys(files);
  const file = files.file ?? (names.length === 1 ? files[names[0]] : undefined);
  if (!file || Array.isArray(file)) {
    throw new errors.ValidationError('Send one CSV file in the form field "file"');
  }
  return file;
};

/** HTTP layer of customer imports. */
const imports = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'imports');
  const idOf = async (ctx: Context) =>
    (await validate(idParamsSchema, ctx.params, 'Not an import id')).id;

  return {
    async template(ctx: Context) {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.attachment('customers-template.csv');
      ctx.body = IMPORT_TEMPLATE;
    },

    async create(ctx: Context) {
      const { dryRun } = await validBody(ctx, uploadSchema, 'The upload is not valid');
      const file = uploadedFile(ctx);
      const user = ctx.state.user as { id: number; email: string };
      reply(ctx, 'imports.create', { data: await service().create(file, { dryRun, user }) });
    },

    async find(ctx: Context) {
      reply(ctx, 'imports.find', { data: await service().list() });
    },

    async findOne(ctx: Context) {
      reply(ctx, 'imports.findOne', { data: await service().findOne(await idOf(ctx)) });
    },

    async errors(ctx: Context) {
      const id = await idOf(ctx);
      const stream = await service().errorsCsv(id);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.attachment(`import-${id}-errors.csv`);
      ctx.body = stream;
    },
  };
};

export default imports;
