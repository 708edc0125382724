import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import { nameTokens } from '../../../contracts/customer-fields';
import type { MergeRecord } from '../../../contracts/merges';
import {
  CHILD_OF,
  CUSTOMER_FIELDS,
  fieldsWhere,
  isListField,
  type ListFieldName,
} from '../../../contracts/customer-schema';
import { CHILD_ROWS, replaceChildren } from '../database/customer-children';
import { PROFILE_COLUMNS } from '../database/customer-columns';
import { loadCustomers } from '../database/customer-read';
import { deleteCustomerRows, refreshMemberCounts, segmentsOf } from '../database/customer-removal';
import { knexOf } from '../database/knex';
import { toIso } from '../utils/dates';
import { getService } from '../utils/get-service';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Copies the source's values of a child table that the main customer lacks. */
const addMissing = async (
  trx: Knex.Transaction,
  table: string,
  key: string,
  mainId: number,
  sourceId: number,
  extra: string[] = []
) => {
  const have = new Set(
    (await trx(table).select(key).where('customer_id', mainId)).map(
      (r: Record<string, unknown>) => r[key]
    )
  );
  const rows = (
    await trx(table)
      .select(key, ...extra)
      .where('customer_id', sourceId)
  ).filter((r: Record<string, unknown>) => !have.has(r[key]));
  if (rows.length > 0)
    await trx(table).insert(
      rows.map((r: Record<string, unknown>) => ({ ...r, customer_id: mainId }))
    );
};

const LIST_FIELDS = fieldsWhere<ListFieldName>(isListField);

/**
 * Merges one multi-valued field of the source into the main customer by its schema rule:
 * `move` moves every row (after the main's, when the list is ordered by position), `union`
 * copies the values the main customer lacks; `derived` ones are recomputed by the caller.
 */
const mergeList = async (
  trx: Knex.Transaction,
  field: ListFieldName,
  mainId: number,
  sourceId: number
) => {
  const { merge } = CUSTOMER_FIELDS[field];
  const child = CHILD_OF[field];
  if (merge === 'move') {
    const shift: Record<string, unknown> = {};
    if (child.order === 'position') {
      const [{ n }] = await trx(child.table).where('customer_id', mainId).count({ n: '*' });
      shift.position = trx.raw('position + ?', [Number(n)]);
    }
    await trx(child.table)
      .where('customer_id', sourceId)
      .update({ customer_id: mainId, ...shift });
  } else if (merge === 'union') {
    const extra = CHILD_ROWS[field].columns.filter((c) => c !== 'customer_id' && c !== child.value);
    await addMissing(trx, child.table, child.value, mainId, sourceId, extra);
  }
};

/** Row of the merge audit table as the API shows it. */
export const toMergeRecord = (row: Record<string, any>): MergeRecord => ({
  id: row.id,
  mainDocumentId: row.main_document_id,
  sourceDocumentId: row.source_document_id,
  mergedBy: row.merged_by_email ?? null,
  mergedAt: toIso(row.merged_at)!,
  fieldsFilled: JSON.parse(row.fields_filled ?? '[]'),
  source: JSON.parse(row.source ?? '{}'),
});

/**
 * Merges a customer into another by the reference's rules: single-valued fields fill only
 * where the main profile is empty; emails, phones, tags, terms, subscriptions, visitor ids and
 * events are added without duplicates. One transaction, so a failure changes nothing.
 */
const customerMerge = ({ strapi }: { strapi: Core.Strapi }) => ({
  async merge(
    mainDocumentId: string,
    sourceDocumentId: string,
    user: { id: number; email: string } | null
  ) {
    if (mainDocumentId === sourceDocumentId) {
      throw new errors.ValidationError(
        "A customer can't be merged into itself: pick another customer"
      );
    }
    const knex = knexOf(strapi);
    const { mainId, sourceSegments, recordId } = await knex.transaction(async (trx) => {
      const [main, source] = await Promise.all(
        [mainDocumentId, sourceDocumentId].map((documentId) =>
          trx(TABLE.customers).where({ document_id: documentId }).first()
        )
      );
      if (!main) throw new errors.NotFoundError(`No customer with id ${mainDocumentId}`);
      if (!source) throw new errors.NotFoundError(`No customer with id ${sourceDocumentId}`);
      if (main.anonymized_at || source.anonymized_at) {
        throw new errors.ValidationError(
          "An anonymized customer can't be merged: it no longer holds anyone's data"
        );
      }
      const [sourceProfile] = await loadCustomers(trx as unknown as Knex, [source.id]);
      const fill: Record<string, unknown> = {};
      const filled: string[] = [];
      for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
        if (isEmpty(main[column]) && !isEmpty(source[column])) {
          fill[column] = source[column];
          filled.push(field);
        }
      }
      const latest = [main.last_activity_at, source.last_activity_at]
        .filter((v) => !isEmpty(v))
        .map((v) => new Date(Number.isNaN(Number(v)) ? v : Number(v)));
      await trx(TABLE.customers)
        .where('id', main.id)
        .update({
          ...fill,
          updated_at: new Date(),
          ...(latest.length > 0 && {
            last_activity_at: new Date(Math.max(...latest.map((d) => d.getTime()))),
          }),
        });

      for (const field of LIST_FIELDS) await mergeList(trx, field, main.id, source.id);
      // A/B variants the source was given stay given: its exposure events move with it.
      await addMissing(trx, TABLE.abAssignments, 'ab_test_id', main.id, source.id, [
        'variant',
        'assigned_at',
      ]);
      await trx(TABLE.events).where('customer_id', source.id).update({ customer_id: main.id });
      if (filled.includes('firstName') || filled.includes('lastName')) {
        const merged = { ...main, ...fill };
        await replaceChildren(trx, main.id, {
          nameTokens: nameTokens(merged.first_name, merged.last_name),
        });
      }
      const sourceSegments = await segmentsOf(trx as unknown as Knex, [source.id]);
      await deleteCustomerRows(trx, [source.id]);
      const [record] = await trx(TABLE.merges)
        .insert({
          main_customer_id: main.id,
          main_document_id: mainDocumentId,
          source_document_id: sourceDocumentId,
          merged_by_id: user?.id ?? null,
          merged_by_email: user?.email ?? null,
          merged_at: new Date(),
          fields_filled: JSON.stringify(filled),
          source: JSON.stringify({
            emails: sourceProfile.emails,
            phones: sourceProfile.phones,
            fullName: sourceProfile.fullName,
          }),
        })
        .returning('id');
      return {
        mainId: main.id as number,
        sourceSegments,
        recordId: (typeof record === 'object' ? record.id : record) as number,
      };
    });
    await refreshMemberCounts(knex, sourceSegments);
    await getService(strapi, 'segment-refresh').refreshCustomers([mainId]);
    const [customer] = await loadCustomers(knex, [mainId]);
    return {
      customer,
      merge: toMergeRecord(await knex(TABLE.merges).where('id', recordId).first()),
    };
  },

  /** The merges into a customer, newest first. */
  async history(customerId: number): Promise<MergeRecord[]> {
    const rows = await knexOf(strapi)(TABLE.merges)
      .where('main_customer_id', customerId)
      .orderBy('id', 'desc');
    return rows.map(toMergeRecord);
  },
});

export default customerMerge;
