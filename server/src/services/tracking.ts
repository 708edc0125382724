import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import { ONCE_ONLY_TYPES, UNDO_TYPES, type TrackedEvent } from '../../../contracts/tracking';
import { newDocumentId, newSequentialDocumentId } from '../database/document-id';
import { isUniqueViolation, knexOf } from '../database/knex';
import { isPostgres, queryPrepared } from '../database/prepared';
import { writeEventsSqlite, type EventRow } from '../tracking/sqlite-writer';
import { getService } from '../utils/get-service';

type Visitor = { id: number; documentId: string };

const ONCE = new Set<string>(ONCE_ONLY_TYPES);

/** The three ways a visitor may be named, in order of precedence, in one round trip. */
const RESOLVE_SQL = `
  SELECT id, document_id, 1 AS rank FROM "${TABLE.customers}" WHERE document_id = ?
  UNION ALL
  SELECT c.id, c.document_id, 2 AS rank
    FROM "${TABLE.visitorIds}" v JOIN "${TABLE.customers}" c ON c.id = v.customer_id
    WHERE v.visitor_id = ?
  UNION ALL
  SELECT id, document_id, 3 AS rank FROM "${TABLE.customers}" WHERE reference_id = ?
  ORDER BY rank, id LIMIT 1`;

/**
 * What visitors do, recorded against their customer profile: the visitor is named by a
 * customer documentId, a reference id or an anonymous visitor id (a new one makes an
 * anonymous customer). Segment membership follows within moments (the engine's queue).
 */
const tracking = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  /** The customer a visitor id names, created as an anonymous customer when unknown. */
  const resolve = async (visitorId: string): Promise<Visitor> => {
    const db = knex();
    const [known] = await queryPrepared<{ id: number; document_id: string }>(db, RESOLVE_SQL, [
      visitorId,
      visitorId,
      visitorId,
    ]);
    if (known) return { id: Number(known.id), documentId: known.document_id };
    try {
      return await db.transaction(async (trx) => {
        const now = new Date();
        const documentId = newDocumentId();
        const [row] = await trx(TABLE.customers)
          .insert({ document_id: documentId, source: 'tracking', created_at: now, updated_at: now })
          .returning('id');
        const id = (typeof row === 'object' ? row.id : row) as number;
        await trx(TABLE.visitorIds).insert({
          customer_id: id,
          visitor_id: visitorId,
          created_at: now,
        });
        return { id, documentId };
      });
    } catch (error) {
      // Two first requests of one new visitor at once: the other one created it.
      if (isUniqueViolation(error)) return resolve(visitorId);
      throw error;
    }
  };

  return {
    resolve,

    /** Records a batch of events for a visitor: once-only types once, undo types undo. */
    async track(visitorId: string, events: TrackedEvent[]) {
      const visitor = await resolve(visitorId);
      const db = knex();
      let recorded = 0;
      let latest = 0;
      const rowOf = (e: TrackedEvent, occurredAt: Date): EventRow => ({
        document_id: newSequentialDocumentId(),
        customer_id: visitor.id,
        type: e.type,
        item_uid: e.item?.uid ?? null,
        item_document_id: e.item?.documentId ?? null,
        item_locale: e.item?.locale ?? null,
        url: e.url ?? null,
        referrer: e.referrer ?? null,
        utm_source: e.utmSource ?? null,
        utm_medium: e.utmMedium ?? null,
        utm_campaign: e.utmCampaign ?? null,
        utm_term: e.utmTerm ?? null,
        utm_content: e.utmContent ?? null,
        metadata: e.metadata ? JSON.stringify(e.metadata) : null,
        occurred_at: occurredAt,
        created_at: new Date(),
        updated_at: new Date(),
      });
      const occurredAtOf = (e: TrackedEvent) => {
        const occurredAt = e.occurredAt ? new Date(e.occurredAt) : new Date();
        latest = Math.max(latest, occurredAt.getTime());
        return occurredAt;
      };
      // The common batch (no once-only or undo type) needs no reads: on SQLite, the fast path.
      if (!isPostgres(db) && events.every((e) => !ONCE.has(e.type) && !UNDO_TYPES[e.type])) {
        const rows = events.map((e) => rowOf(e, occurredAtOf(e)));
        await writeEventsSqlite(db, visitor.id, rows, latest);
        getService(strapi, 'segment-engine').enqueue([visitor.id]);
        return { customerId: visitor.documentId, recorded: rows.length };
      }
      await db.transaction(async (trx) => {
        const rows: EventRow[] = [];
        for (const e of events) {
          const occurredAt = occurredAtOf(e);
          const itemOf = (q: ReturnType<typeof trx>) =>
            q.where({
              customer_id: visitor.id,
              item_uid: e.item?.uid ?? null,
              item_document_id: e.item?.documentId ?? null,
            });
          if (UNDO_TYPES[e.type]) {
            await itemOf(trx(TABLE.events)).where('type', UNDO_TYPES[e.type]).delete();
            continue;
          }
          if (ONCE.has(e.type)) {
            const pending = rows.some(
              (r) => r.type === e.type && r.item_document_id === (e.item?.documentId ?? null)
            );
            if (pending || (await itemOf(trx(TABLE.events)).where('type', e.type).first()))
              continue;
          }
          rows.push(rowOf(e, occurredAt));
        }
        for (let i = 0; i < rows.length; i += 100)
          await trx(TABLE.events).insert(rows.slice(i, i + 100));
        recorded = rows.length;
        if (latest > 0) {
          await trx(TABLE.customers)
            .where('id', visitor.id)
            .andWhere((q) =>
              q.whereNull('last_activity_at').orWhere('last_activity_at', '<', new Date(latest))
            )
            .update({ last_activity_at: new Date(latest) });
        }
      });
      getService(strapi, 'segment-engine').enqueue([visitor.id]);
      return { customerId: visitor.documentId, recorded };
    },

    /**
     * Attaches an email (and names) to the visitor. When another customer already has that
     * email, the visitor's profile merges into that customer, which stays the main one.
     */
    async identify(
      visitorId: string,
      input: { email: string; firstName?: string; lastName?: string }
    ) {
      const visitor = await resolve(visitorId);
      const db = knex();
      const owner = await db(`${TABLE.emails} as e`)
        .join(`${TABLE.customers} as c`, 'c.id', 'e.customer_id')
        .select('c.id', 'c.document_id')
        .where('e.normalized', input.email.toLowerCase())
        .first();
      if (owner && owner.id !== visitor.id) {
        await getService(strapi, 'customer-merge').merge(
          owner.document_id,
          visitor.documentId,
          null
        );
        return { customerId: owner.document_id, merged: true };
      }
      if (!owner) {
        const [{ n }] = await db(TABLE.emails).where('customer_id', visitor.id).count({ n: '*' });
        await db(TABLE.emails).insert({
          customer_id: visitor.id,
          email: input.email,
          normalized: input.email.toLowerCase(),
          position: Number(n),
        });
      }
      const names = { firstName: input.firstName, lastName: input.lastName };
      const current = await getService(strapi, 'customers').findOne(visitor.documentId);
      const fill = Object.fromEntries(
        Object.entries(names).filter(([k, v]) => v && !current[k as 'firstName' | 'lastName'])
      );
      if (Object.keys(fill).length > 0)
        await getService(strapi, 'customers').update(visitor.documentId, fill);
      else await getService(strapi, 'segment-engine').refreshCustomers([visitor.id]);
      return { customerId: visitor.documentId, merged: false };
    },
  };
};

export default tracking;
