import type { Core } from '@strapi/strapi';
import type { AbVariant } from '../../../contracts/audience';
import { TABLE } from '../../../contracts/constants';
import { knexOf } from '../database/knex';
import { getService } from '../utils/get-service';
import type { VisitorInput } from './headers';
import type { AudienceView } from './match';

type Customer = { id: number; documentId: string };

/** The segment IDs a customer is a member of: one indexed join. */
const segmentIdsOf = async (strapi: Core.Strapi, customerId: number) => {
  const rows = await knexOf(strapi)(`${TABLE.memberships} as m`)
    .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
    .where('m.customer_id', customerId)
    .select('s.segment_id');
  return rows.map((r: { segment_id: string }) => r.segment_id);
};

/**
 * The customer a visitor header names, with their segments. The usual case, a customer
 * documentId, is one query; anything else goes through the tracking service's resolution
 * (reference id, visitor id, or a new anonymous customer).
 */
const customerWithSegments = async (strapi: Core.Strapi, visitorId: string) => {
  const rows = await knexOf(strapi)(`${TABLE.customers} as c`)
    .leftJoin(`${TABLE.memberships} as m`, 'm.customer_id', 'c.id')
    .leftJoin(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
    .where('c.document_id', visitorId)
    .select('c.id', 'c.document_id', 's.segment_id');
  if (rows.length > 0)
    return {
      customer: { id: rows[0].id as number, documentId: rows[0].document_id as string },
      segmentIds: rows.map((r) => r.segment_id as string | null).filter((s) => s !== null),
    };
  const customer = await getService(strapi, 'tracking').resolve(visitorId);
  return { customer, segmentIds: await segmentIdsOf(strapi, customer.id) };
};

/**
 * One request's visitor: the customer X-Customer-Id names (resolved by the tracking service, so
 * a visitor id the tracker made up works too) and their segments plus X-Segments. A/B variants
 * are assigned on demand, once per test per request, through the A/B test service.
 */
export const createVisitor = (strapi: Core.Strapi, input: VisitorInput, personalize: boolean) => {
  let customer: Customer | null = null;
  let segments: Set<string> | null = null;
  const variants: Record<string, AbVariant> = {};
  const asked = new Set<string>();

  const load = async () => {
    if (segments) return;
    const ids = new Set(input.segments);
    if (input.customerId) {
      const found = await customerWithSegments(strapi, input.customerId);
      customer = found.customer;
      for (const id of found.segmentIds) ids.add(id);
    }
    segments = ids;
  };

  const assign = async (abTests: Iterable<string>) => {
    const fresh = [...abTests].filter((t) => !asked.has(t));
    if (fresh.length === 0) return;
    fresh.forEach((t) => asked.add(t));
    const force = input.forceVariant ?? undefined;
    if (!customer) {
      // Visitors who are not a known customer get no variant (they see the control, A), unless
      // a preview forces one.
      if (force) for (const t of fresh) variants[t] = force;
      return;
    }
    Object.assign(
      variants,
      await getService(strapi, 'ab-tests').assign(customer, fresh, { force })
    );
  };

  return {
    personalize,
    /** The view to filter with, after assigning the visitor a variant of these tests. */
    async view(abTests: Iterable<string> = []): Promise<AudienceView> {
      if (personalize) {
        await load();
        await assign(abTests);
      }
      return {
        personalize,
        segments: segments ?? new Set(),
        variantOf: (t) => variants[t] ?? 'A',
      };
    },
    /** What meta.personalization reports. */
    meta() {
      return {
        personalized: personalize,
        customer: (customer as Customer | null)?.documentId ?? null,
        segments: personalize ? [...(segments ?? [])].sort() : [],
        variants: { ...variants },
      };
    },
  };
};

export type Visitor = ReturnType<typeof createVisitor>;
