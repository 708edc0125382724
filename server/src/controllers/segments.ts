import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ResponseOf } from '../../../contracts/api';
import { customerListQuerySchema } from '../../../contracts/customer-list';
import { ruleTreeSchema } from '../../../contracts/segment-rules-schema';
import {
  membersPushSchema,
  previewSchema,
  segmentInputSchema,
  segmentUpdateSchema,
} from '../../../contracts/segments';
import { holds } from '../utils/ability';
import { getService } from '../utils/get-service';
import { validate } from '../validation/validate';
import { pluginConfig } from '../config/plugin-config';

const validRules = async (rules: unknown) =>
  rules === undefined || rules === null
    ? rules
    : validate(ruleTreeSchema, rules, 'The rules are not valid');

/** HTTP layer of segments: validate, call the segment services, shape. */
const segments = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'segments').list(),
    } satisfies ResponseOf<'segments.find'>;
  },

  async findOne(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'segments').findOne(ctx.params.documentId),
    } satisfies ResponseOf<'segments.findOne'>;
  },

  async create(ctx: Context) {
    const input = await validate(
      segmentInputSchema,
      ctx.request.body ?? {},
      'The segment is not valid'
    );
    if (input.kind === 'rule') input.rules = await validRules(input.rules);
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'segments').create(input),
    } satisfies ResponseOf<'segments.create'>;
  },

  async update(ctx: Context) {
    const input = await validate(
      segmentUpdateSchema,
      ctx.request.body ?? {},
      'The segment is not valid'
    );
    input.rules = await validRules(input.rules);
    ctx.body = {
      data: await getService(strapi, 'segments').update(ctx.params.documentId, input),
    } satisfies ResponseOf<'segments.update'>;
  },

  async delete(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'segments').delete(ctx.params.documentId),
    } satisfies ResponseOf<'segments.delete'>;
  },

  async preview(ctx: Context) {
    const { rules } = await validate(
      previewSchema,
      ctx.request.body ?? {},
      'The rules are not valid'
    );
    // The sample is whole customer profiles: only for admins who may read customers.
    const withSample = holds(ctx.state.userAbility, 'customers.read');
    ctx.body = {
      data: await getService(strapi, 'segments').preview(rules, { withSample }),
    } satisfies ResponseOf<'segments.preview'>;
  },

  async history(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'segments').history(ctx.params.documentId),
    } satisfies ResponseOf<'segments.history'>;
  },

  async members(ctx: Context) {
    const segment = await getService(strapi, 'segments').findOne(ctx.params.documentId);
    const query = await validate(
      customerListQuerySchema,
      ctx.query,
      'The members query is not valid'
    );
    ctx.body = (await getService(strapi, 'customer-list').list(
      { ...query, segment: segment.segmentId },
      pluginConfig(strapi).pageSize
    )) satisfies ResponseOf<'segments.members'>;
  },

  async pushMembers(ctx: Context) {
    const input = await validate(
      membersPushSchema,
      ctx.request.body ?? {},
      'The members are not valid'
    );
    ctx.body = {
      data: await getService(strapi, 'segment-members').push(ctx.params.documentId, input as never),
    } satisfies ResponseOf<'segments.pushMembers'>;
  },

  /** The content-API twin of pushMembers, for a CRM with an API token: the segment by its ID. */
  async pushMembersByToken(ctx: Context) {
    const input = await validate(
      membersPushSchema,
      ctx.request.body ?? {},
      'The members are not valid'
    );
    const segment = await getService(strapi, 'segments').findBySegmentId(ctx.params.segmentId);
    ctx.body = {
      data: await getService(strapi, 'segment-members').push(segment.documentId, input as never),
    } satisfies ResponseOf<'segments.pushMembersByToken'>;
  },

  async explain(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'segment-members').explain(ctx.params.documentId),
    } satisfies ResponseOf<'segments.explain'>;
  },
});

export default segments;
