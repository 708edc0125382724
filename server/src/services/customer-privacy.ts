import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import { PERSONAL_CHILD_TABLES, PERSONAL_COLUMNS } from '../../../contracts/customer-schema';
import { loadCustomers } from '../database/customer-read';
import {
  deleteImportRecordsAbout,
  importErrorsAbout,
  refreshMemberCounts,
  segmentsOf,
  stripEventDetails,
} from '../database/customer-removal';
import { knexOf } from '../database/knex';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

const parse = (value: unknown) => {
  if (value === null || value === undefined || typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** Everything the plugin holds about a person: the GDPR export, and anonymization. */
const customerPrivacy = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const rowOf = async (documentId: string) => {
    const row = await knex()(TABLE.customers).where({ document_id: documentId }).first();
    if (!row) throw new errors.NotFoundError(`No customer with id ${documentId}`);
    return row;
  };

  return {
    /** A JSON document of every piece of data about one customer, for a GDPR access request. */
    async export(documentId: string) {
      const row = await rowOf(documentId);
      const [profile] = await loadCustomers(knex(), [row.id]);
      const [memberships, events, importRows, merges] = await Promise.all([
        knex()(`${TABLE.memberships} as m`)
          .join(`${TABLE.segments} as s`, 's.id', 'm.segment_id')
          .select('s.segment_id', 's.name', 's.kind', 'm.added_at')
          .where('m.customer_id', row.id),
        knex()(TABLE.events).where('customer_id', row.id).orderBy('occurred_at'),
        knex()(`${TABLE.importRows} as r`)
          .join(`${TABLE.importJobs} as j`, 'j.id', 'r.job_id')
          .select(
            'r.job_id',
            'j.file_name',
            'j.created_at',
            'r.line',
            'r.action',
            'r.email',
            'r.fields'
          )
          .where('r.customer_id', row.id)
          .orderBy(['r.job_id', 'r.line']),
        getService(strapi, 'customer-merge').history(row.id),
      ]);
      const failedImportRows = await importErrorsAbout(knex(), profile.emails, profile.phones);
      return {
        exportedAt: new Date().toISOString(),
        about: 'Everything strapi-plugin-segments holds about this customer',
        profile,
        segments: memberships.map((m: Record<string, any>) => ({
          segmentId: m.segment_id,
          name: m.name,
          kind: m.kind,
          since: toIso(m.added_at),
        })),
        events: events.map((e: Record<string, any>) => ({
          documentId: e.document_id,
          type: e.type,
          occurredAt: toIso(e.occurred_at),
          item: e.item_uid
            ? { uid: e.item_uid, documentId: e.item_document_id, locale: e.item_locale }
            : null,
          url: e.url,
          referrer: e.referrer,
          utm: {
            source: e.utm_source,
            medium: e.utm_medium,
            campaign: e.utm_campaign,
            term: e.utm_term,
            content: e.utm_content,
          },
          metadata: parse(e.metadata),
        })),
        imports: importRows.map((r: Record<string, any>) => ({
          importId: r.job_id,
          file: r.file_name,
          importedAt: toIso(r.created_at),
          line: r.line,
          action: r.action === 'create' ? 'created' : 'updated',
          fields: parse(r.fields),
        })),
        failedImportRows: failedImportRows.map((r: Record<string, any>) => ({
          importId: r.job_id,
          line: r.line,
          column: r.column_name,
          reason: r.reason,
          row: parse(r.raw),
        })),
        merges,
      };
    },

    /**
     * Removes every personal detail of a customer and keeps an unknown customer whose events
     * (type, item, time) still count: every field the customer schema marks personal (columns
     * emptied, child tables' rows deleted); URLs' query strings, referrers and metadata of its
     * events; failed import rows and merge records that name the person.
     */
    async anonymize(documentId: string) {
      const row = await rowOf(documentId);
      if (row.anonymized_at)
        throw new errors.ValidationError('This customer is anonymized already');
      const [profile] = await loadCustomers(knex(), [row.id]);
      const segments = await segmentsOf(knex(), [row.id]);
      await knex().transaction(async (trx) => {
        const cleared = Object.fromEntries(PERSONAL_COLUMNS.map((column) => [column, null]));
        await trx(TABLE.customers)
          .where('id', row.id)
          .update({ ...cleared, anonymized_at: new Date(), updated_at: new Date() });
        for (const table of PERSONAL_CHILD_TABLES) {
          await trx(table).where('customer_id', row.id).delete();
        }
        await stripEventDetails(trx as unknown as Knex, row.id);
        await trx(TABLE.importRows).where('customer_id', row.id).update({ email: null });
        await deleteImportRecordsAbout(trx as unknown as Knex, profile.emails, profile.phones);
        await trx(TABLE.merges)
          .where('main_customer_id', row.id)
          .update({ source: JSON.stringify({ emails: [], phones: [], fullName: null }) });
      });
      await refreshMemberCounts(knex(), segments);
      await getService(strapi, 'segment-refresh').refreshCustomers([row.id]);
      return (await loadCustomers(knex(), [row.id]))[0];
    },
  };
};

export default customerPrivacy;
