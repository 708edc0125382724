import type { AbTest } from '../../../contracts/ab-tests';
import { toIso } from '../utils/dates';

/** The admin API's view of a row of segments_ab_tests. */
export const toAbTest = (row: Record<string, any>): AbTest => ({
  documentId: row.document_id,
  name: row.name,
  status: row.status,
  split: Number(row.split),
  conversionEventType: row.conversion_event_type,
  startedAt: toIso(row.started_at),
  stoppedAt: toIso(row.stopped_at),
  createdAt: toIso(row.created_at)!,
  updatedAt: toIso(row.updated_at)!,
});
