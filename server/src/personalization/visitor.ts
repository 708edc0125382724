import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { AbVariant, PersonalizationMeta } from '../../../contracts/audience';
import { TABLE } from '../../../contracts/constants';
import { knexOf } from '../database/knex';
import { getService } from '../utils/get-service';
import type { VisitorInput } from './headers';
import type { AudienceView } from './match';

type Customer = { id: number; documentId: string };
type Found = { customer: Customer | null; segmentIds: string[] };

/** Rows of (customer, segment ID) to the customer and their segments; none: nobody. */
const toFound = (rows: { id: number; document_id: string; segment_id: string | null }[]): Found =>
  rows.length === 0
    ? { customer: null, segmentIds: [] }
    : {
        customer: { id: Number(rows[0].id), documentId: rows[0].document_id },
        segmentIds: rows.map((r) => r.segment_id).filter((s): s is string => s !== null),
      };

const withSegments = (query: Knex.QueryBuilder) =>
  query
    .leftJoin(`${TABLE.memberships} as m`, 'm.customer_id', 'c.id')
    .leftJoin(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
    .select('c.id', 'c.document_id', 's.segment_id');

/** The customer a visitor id names (the visitor-ids table only), with their segments. */
const byVisitorId = async (strapi: Core.Strapi, visitorId: string) =>
  toFound(
    await withSegments(
      knexOf(strapi)(`${TABLE.visitorIds} as v`)
        .join(`${TABLE.customers} as c`, 'c.id', 'v.customer_id')
        .where('v.visitor_id', visitorId)
    )
  );

/** The customer a trusted caller names by documentId (or, failing that, reference id). */
const byCustomerRef = async (strapi: Core.Strapi, ref: string) => {
  const knex = knexOf(strapi);
  const byDocument = toFound(
    await withSegments(knex(`${TABLE.customers} as c`).where('c.document_id', ref))
  );
  if (byDocument.customer) return byDocument;
  const first = await knex(TABLE.customers).where('reference_id', ref).orderBy('id').first('id');
  if (!first) return byDocument;
  return toFound(await withSegments(knex(`${TABLE.customers} as c`).where('c.id', first.id)));
};

/**
 * One request's visitor: the customer its X-Visitor-Id names (or, for a trusted caller,
 * X-Customer-Id) and their segments, plus X-Segments. A read never writes a customer: an unknown
 * id is nobody. A/B variants are assigned on demand, once per test per request, to a known
 * customer through the A/B test service (which records the first exposure).
 */
export const createVisitor = (
  strapi: Core.Strapi,
  input: VisitorInput,
  personalize: boolean,
  trusted = false
) => {
  let customer: Customer | null = null;
  let segments: Set<string> | null = null;
  const variants: Record<string, AbVariant> = {};
  const asked = new Set<string>();

  const load = async () => {
    if (segments) return;
    const ids = new Set(input.segments);
    const found = input.visitorId
      ? await byVisitorId(strapi, input.visitorId)
      : input.customerId
        ? await byCustomerRef(strapi, input.customerId)
        : null;
    if (found?.customer) {
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
    /** What meta.personalization reports: the customer's documentId to trusted callers only. */
    meta(): PersonalizationMeta {
      return {
        personalized: personalize,
        ...(trusted && { customer: (customer as Customer | null)?.documentId ?? null }),
        segments: personalize ? [...(segments ?? [])].sort() : [],
        variants: { ...variants },
      };
    },
  };
};

export type Visitor = ReturnType<typeof createVisitor>;
