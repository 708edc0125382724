import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';
import { referencedSegments } from '../../../contracts/segment-rules-schema';
import {
  SEGMENT_ID_PATTERN,
  segmentIdFromName,
  type Segment,
  type SegmentInput,
  type SegmentUpdate,
} from '../../../contracts/segments';
import { loadCustomers } from '../database/customer-read';
import { newDocumentId } from '../database/document-id';
import { isUniqueViolation, knexOf } from '../database/knex';
import {
  loadSegmentRows,
  toSegment,
  toSegmentRow,
  type SegmentRow,
} from '../database/segment-rows';
import { matchingCustomerIds } from '../segment-engine/compile';
import { RuleCompileError } from '../segment-engine/context';
import { createCompileContext } from '../segment-engine/context-factory';
import { findCycle } from '../segment-engine/order';
import { unknownNames } from '../segment-engine/references';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../config/plugin-config';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message }] });

/** Segments: create, read, update and delete, with their rules checked before they are saved. */
const segments = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const engine = () => getService(strapi, 'segment-refresh');

  const rowOf = async (documentId: string): Promise<SegmentRow> => {
    const row = await knex()(TABLE.segments).where({ document_id: documentId }).first();
    if (!row) throw new errors.NotFoundError(`No segment with id ${documentId}`);
    return toSegmentRow(row);
  };

  /**
   * Refuses rules that name event types tracking does not record, segments or fields that do
   * not exist, or that make a cycle.
   */
  const checkRules = async (segmentId: string, rules: RuleNode) => {
    const rows = await loadSegmentRows(knex());
    const unknown = unknownNames(rules, {
      customEventTypes: pluginConfig(strapi).customEventTypes,
      hasSegment: (id) => rows.some((s) => s.segmentId === id),
    });
    if (unknown.length > 0) throw invalid('rules', unknown.join('; '));
    const cycle = findCycle(rows, segmentId, rules);
    if (cycle) {
      throw invalid('rules', `These rules make a cycle of segments: ${cycle.join(' -> ')}`);
    }
    try {
      const ctx = await createCompileContext(strapi, { mode: 'set' });
      matchingCustomerIds(rules, ctx).toSQL();
    } catch (error) {
      if (error instanceof RuleCompileError) throw invalid('rules', error.message);
      throw error;
    }
  };

  const usedBy = async (segmentId: string) =>
    (await loadSegmentRows(knex())).filter(
      (s) => s.segmentId !== segmentId && s.rules && referencedSegments(s.rules).includes(segmentId)
    );

  const saveErrors = (error: unknown, segmentId: string) => {
    if (isUniqueViolation(error)) {
      return invalid(
        'segmentId',
        `The segment ID "${segmentId}" is already used by another segment`
      );
    }
    return error;
  };

  return {
    async list(): Promise<Segment[]> {
      return (await loadSegmentRows(knex())).map(toSegment);
    },

    async findOne(documentId: string): Promise<Segment> {
      return toSegment(await rowOf(documentId));
    },

    /** The segment with this segment ID (what a CRM names it by), or a NotFoundError. */
    async findBySegmentId(segmentId: string): Promise<Segment> {
      const segment = (await loadSegmentRows(knex()))
        .map(toSegment)
        .find((s) => s.segmentId === segmentId);
      if (!segment) throw new errors.NotFoundError(`No segment with ID "${segmentId}"`);
      return segment;
    },

    /** Creates a segment; a rule segment starts computing its members in the background. */
    async create(input: SegmentInput): Promise<Segment> {
      const segmentId = input.segmentId ?? segmentIdFromName(input.name);
      if (!SEGMENT_ID_PATTERN.test(segmentId)) {
        throw invalid(
          'segmentId',
          `Give the segment an ID of 3 or more characters (from "${input.name}" we get "${segmentId}")`
        );
      }
      if (input.kind === 'rule') await checkRules(segmentId, input.rules as RuleNode);
      const now = new Date();
      const documentId = newDocumentId();
      try {
        await knex()(TABLE.segments).insert({
          document_id: documentId,
          name: input.name,
          segment_id: segmentId,
          description: input.description ?? null,
          kind: input.kind,
          rules: input.kind === 'rule' ? JSON.stringify(input.rules) : null,
          member_count: 0,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        throw saveErrors(error, segmentId);
      }
      const row = await rowOf(documentId);
      if (row.kind === 'rule') engine().scheduleRecompute(row.id);
      return toSegment(row);
    },

    /** Updates a segment; changed rules are recomputed in the background. */
    async update(documentId: string, input: SegmentUpdate): Promise<Segment> {
      const row = await rowOf(documentId);
      const segmentId = input.segmentId ?? row.segmentId;
      if (segmentId !== row.segmentId) {
        const users = await usedBy(row.segmentId);
        if (users.length > 0) {
          throw invalid(
            'segmentId',
            `The ID can't change while segments ${users.map((s) => s.name).join(', ')} refer to it`
          );
        }
      }
      if (row.kind === 'external' && input.rules) {
        throw invalid('rules', 'An external segment has no rules');
      }
      const rulesChanged =
        input.rules !== undefined && JSON.stringify(input.rules) !== JSON.stringify(row.rules);
      if (row.kind === 'rule' && (rulesChanged || segmentId !== row.segmentId)) {
        await checkRules(segmentId, (input.rules ?? row.rules) as RuleNode);
      }
      try {
        await knex()(TABLE.segments)
          .where('id', row.id)
          .update({
            ...(input.name !== undefined && { name: input.name }),
            ...(input.description !== undefined && { description: input.description }),
            ...(rulesChanged && { rules: JSON.stringify(input.rules) }),
            segment_id: segmentId,
            updated_at: new Date(),
          });
      } catch (error) {
        throw saveErrors(error, segmentId);
      }
      if (rulesChanged) engine().scheduleRecompute(row.id);
      return toSegment(await rowOf(documentId));
    },

    /** Deletes a segment and its memberships, unless other segments refer to it. */
    async delete(documentId: string) {
      const row = await rowOf(documentId);
      const users = await usedBy(row.segmentId);
      if (users.length > 0) {
        throw invalid(
          'segmentId',
          `Segments ${users.map((s) => s.name).join(', ')} refer to this segment; change them first`
        );
      }
      await knex().transaction(async (trx) => {
        await trx(TABLE.memberships).where('segment_id', row.id).delete();
        await trx(TABLE.segmentHistory).where('segment_id', row.id).delete();
        await trx(TABLE.segments).where('id', row.id).delete();
      });
      return { documentId };
    },

    /**
     * How many customers a tree matches now, and ten of them (`withSample`), without saving
     * anything.
     */
    async preview(rules: RuleNode, { withSample }: { withSample: boolean }) {
      await checkRules('__preview__', rules);
      const ctx = await createCompileContext(strapi, { mode: 'set' });
      const [counted] = await knex()
        .count({ n: '*' })
        .from(matchingCustomerIds(rules, ctx).as('m'));
      const count = Number((counted as { n: number | string }).n);
      if (!withSample) return { count };
      const sample = await matchingCustomerIds(rules, ctx).orderBy('c.id', 'desc').limit(10);
      return {
        count,
        sample: await loadCustomers(
          knex(),
          sample.map((r: { id: number }) => r.id)
        ),
      };
    },

    /** The recorded sizes of a segment over time, oldest first. */
    async history(documentId: string) {
      const row = await rowOf(documentId);
      const rows = await knex()(TABLE.segmentHistory)
        .where('segment_id', row.id)
        .orderBy('computed_at', 'desc')
        .limit(200);
      return rows.reverse().map((r: Record<string, any>) => ({
        computedAt: new Date(
          Number.isNaN(Number(r.computed_at)) ? r.computed_at : Number(r.computed_at)
        ).toISOString(),
        memberCount: Number(r.member_count),
        durationMs: Number(r.duration_ms),
      }));
    },

    rowOf,
  };
};

export type SegmentsService = ReturnType<typeof segments>;
export default segments;
