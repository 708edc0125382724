import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  AB_EXPOSURE_EVENT,
  SIGNIFICANCE,
  type AbTest,
  type AbTestInput,
  type AbTestResults,
  type AbTestUpdate,
  type AbVariant,
} from '../../../contracts/ab-tests';
import { TABLE } from '../../../contracts/constants';
import type { TrackedEvent } from '../../../contracts/tracking';
import { assignVariants, type Customer } from '../ab-tests/assign';
import { countVariants } from '../ab-tests/results-query';
import { toAbTest } from '../ab-tests/rows';
import { credibleInterval, probabilityBBeatsA } from '../ab-tests/stats';
import { newDocumentId } from '../database/document-id';
import { knexOf } from '../database/knex';
import { getService } from '../utils/get-service';

/** When a status change starts or stops the clock. */
const statusDates = (status: string | undefined, current?: Record<string, any>) => {
  if (status === 'running' && current?.status !== 'running')
    return { started_at: current?.started_at ?? new Date(), stopped_at: null };
  if (status === 'stopped' && current?.status !== 'stopped') return { stopped_at: new Date() };
  return {};
};

/** A/B tests: their definitions, giving customers a variant, and the results. */
const abTests = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  const rowOf = async (documentId: string) => {
    const row = await knex()(TABLE.abTests).where('document_id', documentId).first();
    if (!row) throw new errors.NotFoundError(`No A/B test with id ${documentId}`);
    return row as Record<string, any>;
  };

  return {
    async list(): Promise<AbTest[]> {
      const rows = await knex()(TABLE.abTests).orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
      return rows.map(toAbTest);
    },

    async findOne(documentId: string): Promise<AbTest> {
      return toAbTest(await rowOf(documentId));
    },

    async create(input: AbTestInput): Promise<AbTest> {
      const now = new Date();
      const documentId = newDocumentId();
      await knex()(TABLE.abTests).insert({
        document_id: documentId,
        name: input.name,
        status: input.status,
        split: input.split,
        conversion_event_type: input.conversionEventType,
        started_at: null,
        stopped_at: null,
        ...statusDates(input.status),
        created_at: now,
        updated_at: now,
      });
      return this.findOne(documentId);
    },

    async update(documentId: string, input: AbTestUpdate): Promise<AbTest> {
      const current = await rowOf(documentId);
      const changes: Record<string, unknown> = { updated_at: new Date() };
      if (input.name !== undefined) changes.name = input.name;
      if (input.split !== undefined) changes.split = input.split;
      if (input.conversionEventType !== undefined)
        changes.conversion_event_type = input.conversionEventType;
      if (input.status !== undefined) changes.status = input.status;
      Object.assign(changes, statusDates(input.status, current));
      await knex()(TABLE.abTests).where('id', current.id).update(changes);
      return this.findOne(documentId);
    },

    /** Deletes the test and its assignments; the exposure events stay in the timelines. */
    async delete(documentId: string): Promise<AbTest> {
      const current = await rowOf(documentId);
      await knex()(TABLE.abTests).where('id', current.id).delete();
      return toAbTest(current);
    },

    /**
     * The variant of a known customer in each of the given tests that is running (others are
     * left out). The first time, the variant is kept and an `ABExposure` event recorded through
     * the tracking service, so segments see it. A forced variant (preview, X-AB-Variant) is
     * returned for every running test and recorded nowhere.
     */
    async assign(
      customer: Customer,
      abTestDocumentIds: string[],
      options: { force?: AbVariant } = {}
    ): Promise<Record<string, AbVariant>> {
      if (options.force) {
        const ids = [...new Set(abTestDocumentIds)];
        if (ids.length === 0) return {};
        const running = await knex()(TABLE.abTests)
          .select('document_id')
          .whereIn('document_id', ids)
          .where('status', 'running');
        return Object.fromEntries(running.map((r) => [r.document_id, options.force!]));
      }
      const { variants, created } = await assignVariants(knex(), customer, abTestDocumentIds);
      if (created.length > 0) {
        await getService(strapi, 'tracking').track(
          customer,
          created.map((c) => ({
            type: AB_EXPOSURE_EVENT,
            occurredAt: c.assignedAt.toISOString(),
            metadata: { abTest: c.testDocumentId, variant: c.variant },
          })) as unknown as TrackedEvent[] // yup infers `item` as required; it is optional
        );
      }
      return variants;
    },

    async results(documentId: string): Promise<AbTestResults> {
      const row = await rowOf(documentId);
      const counts = await countVariants(knex(), row.id, row.conversion_event_type);
      const variant = (v: AbVariant) => {
        const { exposures, conversions } = counts[v];
        return {
          variant: v,
          exposures,
          conversions,
          rate: exposures > 0 ? conversions / exposures : 0,
          interval: credibleInterval(conversions, exposures),
        };
      };
      const probability = probabilityBBeatsA(counts.A, counts.B);
      return {
        test: toAbTest(row),
        variants: [variant('A'), variant('B')],
        probabilityBBeatsA: probability,
        significant: probability >= SIGNIFICANCE || probability <= 1 - SIGNIFICANCE,
      };
    },
  };
};

export type AbTestsService = ReturnType<typeof abTests>;

export default abTests;
