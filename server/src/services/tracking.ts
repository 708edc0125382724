import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import {
  ONCE_ONLY_TYPES,
  UNDO_TYPES,
  type TrackedEvent,
  type TrackEvents,
} from '../../../contracts/tracking';
import { newDocumentId, newSequentialDocumentId } from '../database/document-id';
import { plainEventsWriter, type EventRow } from '../database/event-writes';
import { isUniqueViolation, knexOf } from '../database/knex';
import { queryPrepared } from '../database/prepared';
import { customerByRef } from '../database/visitors';
import { getService } from '../utils/get-service';

type Visitor = { id: number; documentId: string };

const ONCE = new Set<string>(ONCE_ONLY_TYPES);

/** The customer a visitor id names: the visitor-ids table only, one indexed probe. */
const VISITOR_SQL = `
  SELECT c.id, c.document_id
    FROM "${TABLE.visitorIds}" v JOIN "${TABLE.customers}" c ON c.id = v.customer_id
    WHERE v.visitor_id = ?`;

/**
 * What visitors do, recorded against their customer profile. A public caller names itself only
 * by its opaque visitor id (a new one makes an anonymous customer); the site's server, with an
 * API token, may name a customer by documentId or reference id. Segment membership follows
 * within moments (the engine's queue).
 */
const tracking = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  /** The customer a visitor id names, created as an anonymous customer when unknown. */
  const resolveVisitor = async (visitorId: string): Promise<Visitor> => {
    const db = knex();
    const [known] = await queryPrepared<{ id: number; document_id: string }>(db, VISITOR_SQL, [
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
      if (isUniqueViolation(error)) return resolveVisitor(visitorId);
      throw error;
    }
  };

  /** The customer a trusted caller names (documentId or reference id), or a 404. */
  const resolveCustomer = async (ref: string): Promise<Visitor> => {
    const customer = await customerByRef(knex(), ref);
    if (!customer)
      throw new errors.NotFoundError(`No customer with documentId or reference id ${ref}`);
    return customer;
  };

  return {
    resolveVisitor,
    resolveCustomer,

    /**
     * Records a batch of events for one customer: once-only types once, undo types undo (only
     * this customer's events). Answers how many were recorded, never who the customer is.
     */
    async track(visitor: Visitor, events: TrackedEvent[]): Promise<TrackEvents.Response['data']> {
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
      // The common batch (no once-only or undo type) needs no reads: the engine's fast path.
      const writePlain = plainEventsWriter(db);
      if (writePlain && events.every((e) => !ONCE.has(e.type) && !UNDO_TYPES[e.type])) {
        const rows = events.map((e) => rowOf(e, occurredAtOf(e)));
        await writePlain(visitor.id, rows, latest);
        getService(strapi, 'segment-refresh').enqueue([visitor.id]);
        return { recorded: rows.length };
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
      getService(strapi, 'segment-refresh').enqueue([visitor.id]);
      return { recorded };
    },
  };
};

export default tracking;
