import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import type { SegmentRefreshService } from '../../server/src/services/segment-refresh';
import type { SegmentsService } from '../../server/src/services/segments';
import type { BenchContext } from '../scenarios/types';
import type { SegmentSpec } from './refresh-segments';

/** The plugin's segment engine: recompute, refreshCustomers, idle. */
export const segmentRefresh = (strapi: Core.Strapi) =>
  strapi.plugin('segments').service('segment-refresh') as SegmentRefreshService;

/** A segment the benchmark made: its document id (API) and row id (engine). */
export interface CreatedSegment {
  documentId: string;
  rowId: number;
}

/**
 * Creates a rule segment through the admin API as the super admin and waits for its first
 * computation, which the API starts in the background.
 */
export const createSegment = async (
  ctx: BenchContext,
  spec: SegmentSpec
): Promise<CreatedSegment> => {
  const res = await (await ctx.admin()).post('/segments/segments', { ...spec, kind: 'rule' });
  if (res.status !== 201) {
    throw new Error(
      `POST /segments/segments ${spec.segmentId}: ${res.status} ${JSON.stringify(res.body)}`
    );
  }
  await segmentRefresh(await ctx.strapi()).idle();
  const knex = await ctx.knex();
  const row = await knex(TABLE.segments).select('id').where('segment_id', spec.segmentId).first();
  return { documentId: res.body.data.documentId, rowId: row.id };
};

const segmentsService = (strapi: Core.Strapi) =>
  strapi.plugin('segments').service('segments') as SegmentsService;

/** Deletes a segment the benchmark made, with its memberships. */
export const deleteSegment = async (strapi: Core.Strapi, segment: CreatedSegment) =>
  segmentsService(strapi).delete(segment.documentId);

/** The duration of a segment's last computation, from its history (the engine records it). */
export const lastComputationSeconds = async (strapi: Core.Strapi, rowId: number) => {
  const row = await strapi.db
    .connection(TABLE.segmentHistory)
    .where('segment_id', rowId)
    .orderBy('id', 'desc')
    .first();
  return row ? Number(row.duration_ms) / 1000 : NaN;
};
