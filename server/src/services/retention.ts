import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import {
  DEFAULT_RETENTION,
  type RetentionRun,
  type RetentionSettings,
} from '../../../contracts/retention';
import { deleteCustomerRows, refreshMemberCounts } from '../database/customer-removal';
import { knexOf } from '../database/knex';
import { lastRunAt, releaseLease, tryLease } from '../database/lease';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

const BATCH = 500;
const JOB = 'segments:retention';

// Tags and terms compare in any letter case, as in rules and filters (docs/segment-rules.md).
const lowered = (names: string[]) => names.map((n) => n.toLowerCase());
const marks = (names: string[]) => names.map(() => '?').join(', ');

/** Customers the retention rule applies to now: inactive long enough and not exempt. */
const candidates = (knex: Knex, settings: RetentionSettings, now = new Date()) => {
  const cutoff = new Date(now.getTime() - settings.days * 86_400_000);
  const q = knex(`${TABLE.customers} as c`)
    .select('c.id', 'c.document_id')
    .where((w) =>
      w
        .where('c.last_activity_at', '<', cutoff)
        .orWhere((n) => n.whereNull('c.last_activity_at').andWhere('c.created_at', '<', cutoff))
    );
  if (settings.action === 'anonymize') q.whereNull('c.anonymized_at');
  if (settings.exemptTerms.length > 0) {
    q.whereNotIn(
      'c.id',
      knex(TABLE.terms)
        .select('customer_id')
        .whereRaw(
          `LOWER(term_id) IN (${marks(settings.exemptTerms)})`,
          lowered(settings.exemptTerms)
        )
    );
  }
  if (settings.exemptTags.length > 0) {
    q.whereNotIn(
      'c.id',
      knex(TABLE.tags)
        .select('customer_id')
        .whereRaw(`LOWER(tag) IN (${marks(settings.exemptTags)})`, lowered(settings.exemptTags))
    );
  }
  if (settings.exemptSegments.length > 0) {
    q.whereNotIn(
      'c.id',
      knex(`${TABLE.memberships} as m`)
        .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
        .select('m.customer_id')
        .whereIn('s.segment_id', settings.exemptSegments)
    );
  }
  return q;
};

/** Automatic anonymization (or deletion) of customers who have not been active for N days. */
const retention = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const store = () => strapi.store({ type: 'plugin', name: 'segments', key: 'retention' });

  const self = {
    async settings(): Promise<RetentionSettings> {
      return {
        ...DEFAULT_RETENTION,
        ...((await store().get()) as Partial<RetentionSettings> | null),
      };
    },

    async save(settings: RetentionSettings) {
      // A mistyped exempt segment would exempt nobody: its customers would be removed.
      const known = await knex()(TABLE.segments)
        .whereIn('segment_id', settings.exemptSegments)
        .pluck('segment_id');
      const unknown = settings.exemptSegments.filter((id) => !known.includes(id));
      if (unknown.length > 0)
        throw new errors.ValidationError(
          `No segment has the ID ${unknown.map((id) => `"${id}"`).join(', ')}; exempt existing segments only`
        );
      await store().set({ value: settings });
      return self.overview();
    },

    /** The settings, how many customers the next run would take, and the last runs. */
    async overview() {
      const settings = await self.settings();
      const [counted] = await knex().count({ n: '*' }).from(candidates(knex(), settings).as('x'));
      const n = (counted as { n: number | string }).n;
      const runs: RetentionRun[] = (
        await knex()(TABLE.retentionRuns).orderBy('id', 'desc').limit(20)
      ).map((r: Record<string, any>) => ({
        ranAt: toIso(r.ran_at)!,
        action: r.action,
        count: Number(r.count),
        trigger: r.trigger,
      }));
      return { settings, nextRunCount: Number(n), runs };
    },

    /**
     * Applies the rule in batches and logs the run. The schedule runs it daily when enabled, once
     * across instances; an admin may run it now, with the `checked` settings their permissions
     * were checked against. Returns how many customers it took.
     */
    async run(trigger: 'schedule' | 'manual' = 'manual', checked?: RetentionSettings) {
      const settings = checked ?? (await self.settings());
      if (trigger === 'schedule') {
        if (!settings.enabled) return { ran: false, count: 0 };
        if (Date.now() - (await lastRunAt(knex(), JOB)) < 20 * 3600_000)
          return { ran: false, count: 0 };
      }
      if (!(await tryLease(knex(), JOB, 30 * 60_000))) return { ran: false, count: 0 };
      let count = 0;
      try {
        const now = new Date();
        for (;;) {
          const rows: { id: number; document_id: string }[] = await candidates(
            knex(),
            settings,
            now
          )
            .orderBy('c.id')
            .limit(BATCH);
          if (rows.length === 0) break;
          if (settings.action === 'delete') {
            await knex().transaction((trx) =>
              deleteCustomerRows(
                trx,
                rows.map((r) => r.id)
              )
            );
          } else {
            for (const row of rows)
              await getService(strapi, 'customer-privacy').anonymize(row.document_id);
          }
          count += rows.length;
        }
        if (settings.action === 'delete') await refreshMemberCounts(knex());
        await knex()(TABLE.retentionRuns).insert({
          ran_at: now,
          action: settings.action,
          count,
          trigger,
        });
      } finally {
        await releaseLease(knex(), JOB);
      }
      return { ran: true, count };
    },
  };
  return self;
};

export default retention;
