import type { Model } from '@strapi/database';
import { TABLE } from '../../../contracts/constants';

/**
 * A/B tests and who got which variant. The unique (test, customer) index is what makes an
 * assignment, and its exposure event, happen once even when two requests race.
 */
export const abTestModels: Model[] = [
  {
    uid: `plugin::segments.${TABLE.abTests}`,
    singularName: TABLE.abTests,
    tableName: TABLE.abTests,
    attributes: {
      id: { type: 'increments' },
      document_id: { type: 'string' },
      name: { type: 'string' },
      status: { type: 'string' },
      split: { type: 'integer' },
      conversion_event_type: { type: 'string' },
      started_at: { type: 'datetime' },
      stopped_at: { type: 'datetime' },
      created_at: { type: 'datetime' },
      updated_at: { type: 'datetime' },
    },
    indexes: [{ name: `${TABLE.abTests}_document_uq`, columns: ['document_id'], type: 'unique' }],
  },
  {
    uid: `plugin::segments.${TABLE.abAssignments}`,
    singularName: TABLE.abAssignments,
    tableName: TABLE.abAssignments,
    attributes: {
      id: { type: 'increments' },
      ab_test_id: { type: 'integer' },
      customer_id: { type: 'integer' },
      variant: { type: 'string' },
      assigned_at: { type: 'datetime' },
    },
    indexes: [
      {
        name: `${TABLE.abAssignments}_test_customer_uq`,
        columns: ['ab_test_id', 'customer_id'],
        type: 'unique',
      },
      { name: `${TABLE.abAssignments}_customer_idx`, columns: ['customer_id'] },
    ],
    foreignKeys: [
      {
        name: `${TABLE.abAssignments}_test_fk`,
        columns: ['ab_test_id'],
        referencedTable: TABLE.abTests,
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
      },
      {
        name: `${TABLE.abAssignments}_customer_fk`,
        columns: ['customer_id'],
        referencedTable: TABLE.customers,
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  },
];
