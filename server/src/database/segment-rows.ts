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

const epochOf = (value: unknown) =>
  value === null || value === undefined
    ? 0
    : value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : Number.isNaN(Number(value))
          ? Date.parse(String(value))
          : Number(value);

/**
 * A fingerprint of the segments table that changes whenever a segment is created, deleted or
 * has its rules or ID changed (each sets updated_at): how many, the latest change, the sum of
 * their ids. `versionOf(rows)` computes the same from loaded rows.
 */
export const segmentsVersion = async (knex: Knex) => {
  const [row] = await knex(TABLE.segments).select(
    knex.raw('count(*) as n, max(updated_at) as latest, sum(id) as ids')
  );
  return `${Number(row?.n ?? 0)}:${epochOf(row?.latest)}:${Number(row?.ids ?? 0)}`;
};

export const versionOf = (rows: SegmentRow[]) =>
  `${rows.length}:${Math.max(0, ...rows.map((r) => epochOf(r.raw.updated_at)))}:${rows.reduce(
    (sum, r) => sum + Number(r.id),
    0
  )}`;

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
