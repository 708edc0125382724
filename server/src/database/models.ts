import type { Model } from '@strapi/database';
import { TABLE } from '../../../contracts/constants';
import { abTestModels } from './ab-test-models';

const cascadeTo = (table: string, name: string, column: string, referencedTable: string) => ({
  name: `${table}_${name}_fk`,
  columns: [column],
  referencedTable,
  referencedColumns: ['id'],
  onDelete: 'CASCADE',
});

/** A child table of customers holding one multi-valued field, one row per value. */
const customerChild = (
  table: string,
  valueColumns: Record<string, Model['attributes'][string]>,
  indexes: NonNullable<Model['indexes']>
): Model => ({
  uid: `plugin::segments.${table}`,
  singularName: table,
  tableName: table,
  attributes: {
    id: { type: 'increments' },
    customer_id: { type: 'integer', notNullable: true } as Model['attributes'][string],
    ...valueColumns,
  },
  indexes,
  foreignKeys: [cascadeTo(table, 'customer', 'customer_id', TABLE.customers)],
});

/**
 * Plain database models (not content types): the customer's multi-valued fields and segment
 * membership. Strapi's schema sync creates and migrates them with their indexes on every engine.
 */
export const databaseModels: Model[] = [
  customerChild(
    TABLE.emails,
    {
      email: { type: 'string' },
      normalized: { type: 'string' },
      position: { type: 'integer' },
    },
    [
      { name: `${TABLE.emails}_normalized_uq`, columns: ['normalized'], type: 'unique' },
      { name: `${TABLE.emails}_customer_idx`, columns: ['customer_id', 'position'] },
    ]
  ),
  customerChild(TABLE.phones, { phone: { type: 'string' }, position: { type: 'integer' } }, [
    { name: `${TABLE.phones}_phone_idx`, columns: ['phone', 'customer_id'] },
    { name: `${TABLE.phones}_customer_uq`, columns: ['customer_id', 'phone'], type: 'unique' },
  ]),
  customerChild(
    TABLE.visitorIds,
    { visitor_id: { type: 'string' }, created_at: { type: 'datetime' } },
    [
      { name: `${TABLE.visitorIds}_visitor_uq`, columns: ['visitor_id'], type: 'unique' },
      { name: `${TABLE.visitorIds}_customer_idx`, columns: ['customer_id'] },
    ]
  ),
  customerChild(TABLE.tags, { tag: { type: 'string' } }, [
    { name: `${TABLE.tags}_tag_idx`, columns: ['tag', 'customer_id'] },
    { name: `${TABLE.tags}_customer_uq`, columns: ['customer_id', 'tag'], type: 'unique' },
  ]),
  customerChild(
    TABLE.subscriptions,
    { subscription: { type: 'string' }, subscribed_at: { type: 'datetime' } },
    [
      { name: `${TABLE.subscriptions}_sub_idx`, columns: ['subscription', 'customer_id'] },
      {
        name: `${TABLE.subscriptions}_customer_uq`,
        columns: ['customer_id', 'subscription'],
        type: 'unique',
      },
    ]
  ),
  customerChild(TABLE.terms, { term_id: { type: 'string' }, given_at: { type: 'date' } }, [
    { name: `${TABLE.terms}_term_idx`, columns: ['term_id', 'given_at', 'customer_id'] },
    { name: `${TABLE.terms}_customer_uq`, columns: ['customer_id', 'term_id'], type: 'unique' },
  ]),
  customerChild(TABLE.nameTokens, { token: { type: 'string' } }, [
    { name: `${TABLE.nameTokens}_token_idx`, columns: ['token', 'customer_id'] },
    { name: `${TABLE.nameTokens}_customer_idx`, columns: ['customer_id'] },
  ]),
  {
    uid: `plugin::segments.${TABLE.memberships}`,
    singularName: TABLE.memberships,
    tableName: TABLE.memberships,
    attributes: {
      id: { type: 'increments' },
      segment_id: { type: 'integer' },
      customer_id: { type: 'integer' },
      added_at: { type: 'datetime' },
    },
    indexes: [
      {
        name: `${TABLE.memberships}_segment_customer_uq`,
        columns: ['segment_id', 'customer_id'],
        type: 'unique',
      },
      { name: `${TABLE.memberships}_customer_idx`, columns: ['customer_id', 'segment_id'] },
    ],
    foreignKeys: [
      cascadeTo(TABLE.memberships, 'segment', 'segment_id', TABLE.segments),
      cascadeTo(TABLE.memberships, 'customer', 'customer_id', TABLE.customers),
    ],
  },
  {
    uid: `plugin::segments.${TABLE.segmentHistory}`,
    singularName: TABLE.segmentHistory,
    tableName: TABLE.segmentHistory,
    attributes: {
      id: { type: 'increments' },
      segment_id: { type: 'integer' },
      computed_at: { type: 'datetime' },
      member_count: { type: 'integer' },
      duration_ms: { type: 'integer' },
    },
    indexes: [
      { name: `${TABLE.segmentHistory}_segment_idx`, columns: ['segment_id', 'computed_at'] },
    ],
    foreignKeys: [cascadeTo(TABLE.segmentHistory, 'segment', 'segment_id', TABLE.segments)],
  },
  {
    // The audit trail of merges: document ids, not foreign keys, so it outlives both rows.
    uid: `plugin::segments.${TABLE.merges}`,
    singularName: TABLE.merges,
    tableName: TABLE.merges,
    attributes: {
      id: { type: 'increments' },
      main_customer_id: { type: 'integer' },
      main_document_id: { type: 'string' },
      source_document_id: { type: 'string' },
      merged_by_id: { type: 'integer' },
      merged_by_email: { type: 'string' },
      merged_at: { type: 'datetime' },
      fields_filled: { type: 'text' },
      source: { type: 'text' },
    },
    indexes: [
      { name: `${TABLE.merges}_main_idx`, columns: ['main_document_id'] },
      { name: `${TABLE.merges}_customer_idx`, columns: ['main_customer_id'] },
    ],
  },
  {
    // One row per named job: whoever holds an unexpired lease runs it, once across instances.
    uid: `plugin::segments.${TABLE.leases}`,
    singularName: TABLE.leases,
    tableName: TABLE.leases,
    attributes: {
      id: { type: 'increments' },
      name: { type: 'string' },
      owner: { type: 'string' },
      expires_at: { type: 'biginteger' },
      last_run_at: { type: 'biginteger' },
    },
    indexes: [{ name: `${TABLE.leases}_name_uq`, columns: ['name'], type: 'unique' }],
  },
  ...abTestModels,
];
