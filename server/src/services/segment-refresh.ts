import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import { ruleTreeSchema } from '../../../contracts/segment-rules-schema';
import { knexOf } from '../database/knex';
import { lastRunAt, releaseLease, tryLease } from '../database/lease';
import { loadSegmentRows, segmentsVersion, type SegmentRow } from '../database/segment-rows';
import { createCompileContext } from '../segment-engine/context-factory';
import type { LevelQueryCache } from '../segment-engine/level-query';
import { recomputeMembers, refreshMembers, type RuleSegment } from '../segment-engine/membership';
import {
  dependencyOrder,
  dependentsOf,
  inlinableRules,
  isTimeDependent,
} from '../segment-engine/order';
import type { InlinedRules } from '../segment-engine/context';

const BATCH = 500;
const RECOMPUTE_LEASE_MS = 15 * 60_000;
const TIME_WINDOW_JOB = 'segments:time-windows';

/**
 * Rule segments whose stored rules are a valid tree. Rules saved by an older version or edited
 * in the database by hand are skipped (and logged) rather than failing every customer write.
 */
const validRuleSegments = (
  rows: SegmentRow[],
  warn: (message: string) => void,
  verdicts: Map<string, boolean>
) =>
  rows.filter((s): s is SegmentRow & { rules: NonNullable<SegmentRow['rules']> } => {
    if (s.kind !== 'rule' || !s.rules) return false;
    // Validating 20 trees with yup on every customer write costs more than evaluating them.
    const text = JSON.stringify(s.rules);
    let valid = verdicts.get(text);
    if (valid === undefined) {
      valid = ruleTreeSchema.isValidSync(s.rules);
      if (verdicts.size > 1000) verdicts.clear();
      verdicts.set(text, valid);
    }
    if (valid) return true;
    warn(`[segments] segment "${s.segmentId}" has rules that are not valid; it is not evaluated`);
    return false;
  });

/**
 * Keeps rule-segment membership current: whole segments when rules change (in the background),
 * single customers when they or their events change, and time-window segments every hour.
 */
const segmentRefresh = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const verdicts = new Map<string, boolean>();
  const compiled: LevelQueryCache = new Map();
  /** The segments as last loaded, in dependency order, with the table's fingerprint then. */
  let known: {
    version: string;
    rows: SegmentRow[];
    segments: RuleSegment[];
    inlined?: InlinedRules;
  } | null = null;
  const loadKnown = async () => {
    // The fingerprint first: if the table changes before the rows are read, the next check
    // finds it changed and loads them again (never the other way round).
    const version = await segmentsVersion(knex());
    const rows = await loadSegmentRows(knex());
    const segments = dependencyOrder(ruleSegments(rows));
    return { version, rows, segments, inlined: inlinableRules(segments, version) };
  };
  const ruleSegments = (rows: SegmentRow[]) =>
    validRuleSegments(rows, (m) => strapi.log.warn(m), verdicts);
  const pending = new Set<Promise<unknown>>();
  let queued = new Set<number>();
  let timer: NodeJS.Timeout | null = null;

  const track = <T>(work: Promise<T>) => {
    pending.add(work);
    work
      .catch((error) =>
        strapi.log.error(`[segments] background work failed: ${error.stack ?? error}`)
      )
      .finally(() => pending.delete(work));
    return work;
  };

  const self = {
    /**
     * Recomputes one segment's members and then the segments that refer to it. Across
     * instances a lease makes sure one computes it; the others skip.
     */
    async recompute(segmentRowId: number): Promise<{ memberCount: number } | { skipped: true }> {
      const lease = `segments:recompute:${segmentRowId}`;
      if (!(await tryLease(knex(), lease, RECOMPUTE_LEASE_MS))) return { skipped: true };
      try {
        const rows = await loadSegmentRows(knex());
        const segment = ruleSegments(rows).find((s) => s.id === segmentRowId);
        if (!segment) return { skipped: true };
        const result = await self.computeOne(segment);
        for (const dependent of dependencyOrder(
          ruleSegments(dependentsOf(rows, segment.segmentId))
        )) {
          await self.computeOne(dependent);
        }
        return result;
      } finally {
        await releaseLease(knex(), lease);
      }
    },

    /** Computes one segment and records its size and when (for the size-over-time chart). */
    async computeOne(segment: RuleSegment) {
      const started = Date.now();
      const ctx = await createCompileContext(strapi, { mode: 'set' });
      const memberCount = await recomputeMembers(ctx, segment);
      const now = new Date();
      await knex()(TABLE.segments)
        .where('id', segment.id)
        .update({ member_count: memberCount, last_computed_at: now });
      await knex()(TABLE.segmentHistory).insert({
        segment_id: segment.id,
        computed_at: now,
        member_count: memberCount,
        duration_ms: Date.now() - started,
      });
      return { memberCount };
    },

    /** Starts a recompute in the background (the request that changed the rules returns now). */
    scheduleRecompute(segmentRowId: number) {
      track(
        new Promise((resolve) => setImmediate(resolve)).then(() => self.recompute(segmentRowId))
      );
    },

    /**
     * Re-evaluates these customers against every rule segment, in batches. The segments are
     * kept between calls; each batch checks, beside its first query, that the table has not
     * changed since (on any instance), and starts over with fresh segments if it has.
     */
    async refreshCustomers(customerIds: number[]) {
      if (customerIds.length === 0) return;
      for (let i = 0; i < customerIds.length; i += BATCH) {
        const batch = customerIds.slice(i, i + BATCH);
        let deltas: Map<number, number> | null = null;
        for (let attempt = 0; deltas === null; attempt++) {
          const fresh = !known || attempt > 0;
          if (fresh) known = await loadKnown();
          const { version, rows, segments, inlined } = known!;
          const guard = fresh
            ? undefined
            : { version, check: () => segmentsVersion(knex()).then((v) => v === version) };
          if (segments.length === 0) {
            // No rule segment, unless one was made since (then start over with it).
            if (!guard || (await guard.check())) deltas = new Map();
            continue;
          }
          const ctx = {
            ...(await createCompileContext(strapi, { mode: 'single', segments: rows })),
            inlined,
          };
          try {
            deltas = await refreshMembers(ctx, segments, batch, compiled, guard);
          } catch (error) {
            // Kept rules may name a segment deleted since: with fresh ones it would not fail.
            if (!guard || (await guard.check().catch(() => false))) throw error;
          }
        }
      }
    },

    /** Queues customers for re-evaluation; writes close together are evaluated as one batch. */
    enqueue(customerIds: number[]) {
      customerIds.forEach((id) => queued.add(id));
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const ids = [...queued];
        queued = new Set();
        track(self.refreshCustomers(ids));
      }, 50);
    },

    /**
     * The scheduled job: recomputes segments whose rules depend on the date ("in the last 30
     * days", ages) and those that refer to them, once per interval across all instances.
     */
    async refreshTimeWindows(intervalMs = 60 * 60_000) {
      if (Date.now() - (await lastRunAt(knex(), TIME_WINDOW_JOB)) < intervalMs * 0.9)
        return { ran: false };
      if (!(await tryLease(knex(), TIME_WINDOW_JOB, RECOMPUTE_LEASE_MS))) return { ran: false };
      try {
        const rows = ruleSegments(await loadSegmentRows(knex()));
        const drifting = rows.filter((s) => isTimeDependent(s.rules));
        const affected = new Set(drifting.map((s) => s.segmentId));
        drifting.forEach((s) =>
          dependentsOf(rows, s.segmentId).forEach((d) => affected.add(d.segmentId))
        );
        for (const segment of dependencyOrder(rows.filter((s) => affected.has(s.segmentId)))) {
          await self.computeOne(segment);
        }
        return { ran: true, segments: affected.size };
      } finally {
        await releaseLease(knex(), TIME_WINDOW_JOB);
      }
    },

    /** Resolves when no background evaluation is queued or running (tests, shutdown). */
    async idle() {
      while (timer || pending.size > 0) {
        if (timer) await new Promise((resolve) => setTimeout(resolve, 60));
        await Promise.allSettled([...pending]);
      }
    },
  };
  return self;
};

export type SegmentRefreshService = ReturnType<typeof segmentRefresh>;
export default segmentRefresh;
