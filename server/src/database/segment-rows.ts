import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';
import type { Segment } from '../../../contracts/segments';
import { toIso } from '../utils/dates';

/** A row of the segments table with its rules parsed (SQLite keeps JSON as text). */
export interface SegmentRow {
  id: number;
  documentId: string;
  segmentId: string;
  name: string;
  kind: 'rule' | 'external';
  rules: RuleNode | null;
  raw: Record<string, any>;
}

const parseRules = (value: unknown): RuleNode | null => {
  if (value === null || value === undefined || value === '') return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as RuleNode;
};

export const toSegmentRow = (row: Record<string, any>): SegmentRow => ({
  id: row.id,
  documentId: row.document_id,
  segmentId: row.segment_id,
  name: row.name,
  kind: row.kind,
  rules: parseRules(row.rules),
  raw: row,
});

/** Every segment, by name. */
export const loadSegmentRows = async (knex: Knex): Promise<SegmentRow[]> =>
  (await knex(TABLE.segments).orderBy('name')).map(toSegmentRow);

/** The admin API's view of a segment row. */
export const toSegment = (row: SegmentRow): Segment => ({
  documentId: row.documentId,
  name: row.name,
  segmentId: row.segmentId,
  description: row.raw.description ?? null,
  kind: row.kind,
  rules: row.rules,
  memberCount: Number(row.raw.member_count ?? 0),
  lastComputedAt: toIso(row.raw.last_computed_at),
  createdAt: toIso(row.raw.created_at)!,
  updatedAt: toIso(row.raw.updated_at)!,
});
