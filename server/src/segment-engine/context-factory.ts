import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import { SCALAR_TYPES } from '../../../contracts/segment-rules';
import { knexOf } from '../database/knex';
import type { CompileContext } from './context';

/**
 * Builds the compiler's context from Strapi: segment ids resolved up front (the compiler is
 * synchronous) and content types from Strapi's metadata, scalar fields only (the allow-list).
 */
export const createCompileContext = async (
  strapi: Core.Strapi,
  options: {
    mode: CompileContext['mode'];
    now?: Date;
    /** Every segment, when the caller has just loaded them (saves a query). */
    segments?: { id: number; segmentId: string }[];
  }
): Promise<CompileContext> => {
  const knex = knexOf(strapi);
  const segments =
    options.segments ??
    (
      await knex(TABLE.segments).select<{ id: number; segment_id: string }[]>('id', 'segment_id')
    ).map((s) => ({ id: s.id, segmentId: s.segment_id }));
  const bySegmentId = new Map(segments.map((s) => [s.segmentId, s.id]));
  return {
    knex,
    now: options.now ?? new Date(),
    mode: options.mode,
    segmentRowId: (segmentId) => bySegmentId.get(segmentId),
    contentType: (uid) => {
      const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
      if (!contentType || !uid.startsWith('api::')) return undefined;
      const meta = strapi.db.metadata.get(uid);
      const columns: Record<string, string> = {};
      for (const [name, attribute] of Object.entries(contentType.attributes)) {
        const column = (meta.attributes[name] as { columnName?: string } | undefined)?.columnName;
        if (SCALAR_TYPES.has((attribute as { type: string }).type) && column)
          columns[name] = column;
      }
      return { table: meta.tableName, columns };
    },
  };
};
