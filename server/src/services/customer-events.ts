import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import type { ListCustomerEvents, TimelineEvent } from '../../../contracts/customer-events';
import { knexOf } from '../database/knex';
import { toIso } from '../utils/dates';

const parseJson = (value: unknown) => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as Record<string, unknown>;
  try {
    return JSON.parse(value) as Record<string, unknown>;
  } catch {
    return null;
  }
};

const toTimelineEvent = (row: Record<string, any>): TimelineEvent => ({
  documentId: row.document_id,
  type: row.type,
  occurredAt: toIso(row.occurred_at)!,
  itemUid: row.item_uid ?? null,
  itemDocumentId: row.item_document_id ?? null,
  itemLocale: row.item_locale ?? null,
  url: row.url ?? null,
  referrer: row.referrer ?? null,
  utmSource: row.utm_source ?? null,
  utmMedium: row.utm_medium ?? null,
  utmCampaign: row.utm_campaign ?? null,
  utmTerm: row.utm_term ?? null,
  utmContent: row.utm_content ?? null,
  metadata: parseJson(row.metadata),
});

/** A customer's activity timeline, newest first. */
const customerEvents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(
    documentId: string,
    { page, pageSize }: { page: number; pageSize: number }
  ): Promise<ListCustomerEvents.Response> {
    const knex = knexOf(strapi);
    const customer = await knex(TABLE.customers)
      .select('id')
      .where({ document_id: documentId })
      .first();
    if (!customer) throw new errors.NotFoundError(`No customer with id ${documentId}`);
    const base = () => knex(TABLE.events).where('customer_id', customer.id);
    const [{ total }] = await base().count({ total: '*' });
    const rows = await base()
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const count = Number(total);
    return {
      data: rows.map(toTimelineEvent),
      meta: {
        pagination: { page, pageSize, total: count, pageCount: Math.ceil(count / pageSize) },
      },
    };
  },
});

export default customerEvents;
