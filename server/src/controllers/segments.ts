import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
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
import { reply, validBody, validQuery } from '../utils/respond';
import { validate } from '../validation/validate';
import { pluginConfig } from '../config/plugin-config';

const validRules = async (rules: unknown) =>
  rules === undefined || rules === null
    ? rules
    : validate(ruleTreeSchema, rules, 'The rules are not valid');

/** HTTP layer of segments: validate, call the segment services, shape. */
const segments = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'segments');
  const members = () => getService(strapi, 'segment-members');

  return {
    async find(ctx: Context) {
      reply(ctx, 'segments.find', { data: await service().list() });
    },

    async findOne(ctx: Context) {
      reply(ctx, 'segments.findOne', { data: await service().findOne(ctx.params.documentId) });
    },

    async create(ctx: Context) {
      const input = await validBody(ctx, segmentInputSchema, 'The segment is not valid');
      if (input.kind === 'rule') input.rules = await validRules(input.rules);
      reply(ctx, 'segments.create', { data: await service().create(input) });
    },

    async update(ctx: Context) {
      const input = await validBody(ctx, segmentUpdateSchema, 'The segment is not valid');
      input.rules = await validRules(input.rules);
      const data = await service().update(ctx.params.documentId, input);
      reply(ctx, 'segments.update', { data });
    },

    async delete(ctx: Context) {
      reply(ctx, 'segments.delete', { data: await service().delete(ctx.params.documentId) });
    },

    async preview(ctx: Context) {
      const { rules } = await validBody(ctx, previewSchema, 'The rules are not valid');
      // The sample is whole customer profiles: only for admins who may read customers.
      const withSample = holds(ctx.state.userAbility, 'customers.read');
      reply(ctx, 'segments.preview', { data: await service().preview(rules, { withSample }) });
    },

    async history(ctx: Context) {
      reply(ctx, 'segments.history', { data: await service().history(ctx.params.documentId) });
    },

    async members(ctx: Context) {
      const segment = await service().findOne(ctx.params.documentId);
      const query = await validQuery(
        ctx,
        customerListQuerySchema,
        'The members query is not valid'
      );
      const list = await getService(strapi, 'customer-list').list(
        { ...query, segment: segment.segmentId },
        pluginConfig(strapi).pageSize
      );
      reply(ctx, 'segments.members', list);
    },

    async pushMembers(ctx: Context) {
      const input = await validBody(ctx, membersPushSchema, 'The members are not valid');
      const data = await members().push(ctx.params.documentId, input as never);
      reply(ctx, 'segments.pushMembers', { data });
    },

    /** The content-API twin of pushMembers, for a CRM with an API token: the segment by its ID. */
    async pushMembersByToken(ctx: Context) {
      const input = await validBody(ctx, membersPushSchema, 'The members are not valid');
      const segment = await service().findBySegmentId(ctx.params.segmentId);
      const data = await members().push(segment.documentId, input as never);
      reply(ctx, 'segments.pushMembersByToken', { data });
    },

    async explain(ctx: Context) {
      reply(ctx, 'segments.explain', { data: await members().explain(ctx.params.documentId) });
    },
  };
};

export default segments;
