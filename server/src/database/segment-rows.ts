import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';
import type { Segment } from '../../../contracts/segments';
import { toIso } from '../utils/dates';
import { rowsOf } from './prepared';

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

/**
 * A fingerprint of the segments table that changes whenever a segment is created, deleted or
 * has its rules or ID changed (each sets updated_at): how many, the latest change, the sum of
 * their ids, as text computed by the database (the PostgreSQL refresh checks it inside its
 * statement).
 */
export const SEGMENTS_VERSION_SQL = `SELECT count(*) || ':' || coalesce(CAST(max(updated_at) AS text), '')
  || ':' || coalesce(sum(id), 0) AS version FROM "${TABLE.segments}"`;

export const segmentsVersion = async (knex: Knex): Promise<string> => {
  const rows = rowsOf<{ version: string }>(await knex.raw(SEGMENTS_VERSION_SQL));
  return String(rows[0]?.version ?? '');
};

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
