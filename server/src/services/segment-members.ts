import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import type { SegmentExplanation } from '../../../contracts/segments';
import { knexOf } from '../database/knex';
import { loadSegmentRows } from '../database/segment-rows';
import { createCompileContext } from '../segment-engine/context-factory';
import { explain } from '../segment-engine/explain';
import { getService } from '../utils/get-service';

const CHUNK = 500;

/** Members of external segments pushed by a CRM/CDP, and explanations of rule membership. */
const segmentMembers = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  /** Customer row ids for emails (any of theirs, any case) and reference ids. */
  const resolveCustomers = async (emails: string[], referenceIds: string[]) => {
    const ids = new Set<number>();
    let matched = 0;
    for (let i = 0; i < emails.length; i += CHUNK) {
      const rows = await knex()(TABLE.emails)
        .select('customer_id')
        .whereIn(
          'normalized',
          emails.slice(i, i + CHUNK).map((e) => e.toLowerCase())
        );
      rows.forEach((r: { customer_id: number }) => ids.add(r.customer_id));
      matched += rows.length;
    }
    for (let i = 0; i < referenceIds.length; i += CHUNK) {
      const rows = await knex()(TABLE.customers)
        .select('id')
        .whereIn('reference_id', referenceIds.slice(i, i + CHUNK));
      rows.forEach((r: { id: number }) => ids.add(r.id));
      matched += rows.length;
    }
    return { ids: [...ids], unknown: emails.length + referenceIds.length - matched };
  };

  return {
    /** Adds, removes or replaces the members of an external segment. */
    async push(
      documentId: string,
      input: { mode: 'add' | 'remove' | 'replace'; emails?: string[]; referenceIds?: string[] }
    ) {
      const segment = await getService(strapi, 'segments').rowOf(documentId);
      if (segment.kind !== 'external') {
        throw new errors.ValidationError(
          `"${segment.name}" is a rule segment: its members follow from its rules and can't be pushed`
        );
      }
      const { ids, unknown } = await resolveCustomers(input.emails ?? [], input.referenceIds ?? []);
      await knex().transaction(async (trx) => {
        if (input.mode === 'replace')
          await trx(TABLE.memberships).where('segment_id', segment.id).delete();
        for (let i = 0; i < ids.length; i += CHUNK) {
          const part = ids.slice(i, i + CHUNK);
          if (input.mode === 'remove') {
            await trx(TABLE.memberships)
              .where('segment_id', segment.id)
              .whereIn('customer_id', part)
              .delete();
            continue;
          }
          const existing = new Set(
            (
              await trx(TABLE.memberships)
                .select('customer_id')
                .where('segment_id', segment.id)
                .whereIn('customer_id', part)
            ).map((r: { customer_id: number }) => r.customer_id)
          );
          const joining = part.filter((id) => !existing.has(id));
          if (joining.length > 0) {
            await trx(TABLE.memberships).insert(
              joining.map((customerId) => ({
                segment_id: segment.id,
                customer_id: customerId,
                added_at: new Date(),
              }))
            );
          }
        }
        const [{ n }] = await trx(TABLE.memberships)
          .where('segment_id', segment.id)
          .count({ n: '*' });
        await trx(TABLE.segments)
          .where('id', segment.id)
          .update({ member_count: Number(n), last_computed_at: new Date() });
      });
      const memberCount = (await getService(strapi, 'segments').findOne(documentId)).memberCount;
      return { matched: ids.length, unknown, memberCount };
    },

    /** For each rule segment: is this customer in it, and which condition decided that. */
    async explain(customerDocumentId: string): Promise<SegmentExplanation[]> {
      const customer = await knex()(TABLE.customers)
        .select('id')
        .where({ document_id: customerDocumentId })
        .first();
      if (!customer) throw new errors.NotFoundError(`No customer with id ${customerDocumentId}`);
      const ctx = await createCompileContext(strapi, { mode: 'single' });
      const result: SegmentExplanation[] = [];
      for (const segment of await loadSegmentRows(knex())) {
        if (segment.kind !== 'rule' || !segment.rules) continue;
        const verdict = await explain(segment.rules, customer.id, ctx);
        result.push({
          documentId: segment.documentId,
          segmentId: segment.segmentId,
          name: segment.name,
          ...verdict,
        });
      }
      return result;
    },
  };
};

export default segmentMembers;
