import type { Model } from '@strapi/database';
import { TABLE } from '../../../contracts/constants';

const attr = (type: string) => ({ type }) as Model['attributes'][string];

/**
 * Jobs: imports, exports and retention runs, failed import rows (and whom they name), per-row
 * import outcomes.
 */
export const importModels: Model[] = [
  {
    uid: `plugin::segments.${TABLE.retentionRuns}`,
    singularName: TABLE.retentionRuns,
    tableName: TABLE.retentionRuns,
    attributes: {
      id: attr('increments'),
      ran_at: attr('datetime'),
      action: attr('string'),
      count: attr('integer'),
      trigger: attr('string'),
    },
  },
  {
    uid: `plugin::segments.${TABLE.exportJobs}`,
    singularName: TABLE.exportJobs,
    tableName: TABLE.exportJobs,
    attributes: {
      id: attr('increments'),
      status: attr('string'),
      request: attr('text'),
      file_path: attr('text'),
      rows_done: attr('integer'),
      rows_total: attr('integer'),
      error: attr('text'),
      created_by_id: attr('integer'),
      created_by_email: attr('string'),
      created_at: attr('datetime'),
      finished_at: attr('datetime'),
    },
  },
  {
    uid: `plugin::segments.${TABLE.importJobs}`,
    singularName: TABLE.importJobs,
    tableName: TABLE.importJobs,
    attributes: {
      id: attr('increments'),
      status: attr('string'),
      dry_run: attr('boolean'),
      file_name: attr('string'),
      file_path: attr('text'),
      file_size: attr('biginteger'),
      bytes_done: attr('biginteger'),
      rows_done: attr('integer'),
      rows_total: attr('integer'),
      created: attr('integer'),
      updated: attr('integer'),
      unchanged: attr('integer'),
      failed: attr('integer'),
      unknown_columns: attr('text'),
      error: attr('text'),
      last_line: attr('integer'),
      created_by_id: attr('integer'),
      created_by_email: attr('string'),
      lease_owner: attr('string'),
      lease_expires: attr('biginteger'),
      reported_rows: attr('integer'),
      created_at: attr('datetime'),
      started_at: attr('datetime'),
      finished_at: attr('datetime'),
    },
    indexes: [{ name: `${TABLE.importJobs}_status_idx`, columns: ['status', 'id'] }],
  },
  {
    uid: `plugin::segments.${TABLE.importErrors}`,
    singularName: TABLE.importErrors,
    tableName: TABLE.importErrors,
    attributes: {
      id: attr('increments'),
      job_id: attr('integer'),
      line: attr('integer'),
      column_name: attr('string'),
      reason: attr('text'),
      raw: attr('text'),
    },
    indexes: [{ name: `${TABLE.importErrors}_job_idx`, columns: ['job_id', 'line'] }],
    foreignKeys: [
      {
        name: `${TABLE.importErrors}_job_fk`,
        columns: ['job_id'],
        referencedTable: TABLE.importJobs,
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  },
  {
    // The emails and phone numbers each failed row names, normalized, so that deleting or
    // anonymizing a person finds the failed rows about them by index (csv/error-contacts.ts).
    uid: `plugin::segments.${TABLE.importErrorContacts}`,
    singularName: TABLE.importErrorContacts,
    tableName: TABLE.importErrorContacts,
    attributes: {
      id: attr('increments'),
      job_id: attr('integer'),
      line: attr('integer'),
      contact: attr('string'),
    },
    indexes: [
      {
        name: `${TABLE.importErrorContacts}_contact_uq`,
        columns: ['contact', 'job_id', 'line'],
        type: 'unique',
      },
      { name: `${TABLE.importErrorContacts}_line_idx`, columns: ['job_id', 'line'] },
    ],
    foreignKeys: [
      {
        name: `${TABLE.importErrorContacts}_job_fk`,
        columns: ['job_id'],
        referencedTable: TABLE.importJobs,
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  },
  {
    uid: `plugin::segments.${TABLE.importRows}`,
    singularName: TABLE.importRows,
    tableName: TABLE.importRows,
    attributes: {
      id: attr('increments'),
      job_id: attr('integer'),
      line: attr('integer'),
      action: attr('string'),
      email: attr('string'),
      fields: attr('text'),
      reasons: attr('text'),
      customer_id: attr('integer'),
    },
    indexes: [
      { name: `${TABLE.importRows}_job_idx`, columns: ['job_id', 'line'] },
      { name: `${TABLE.importRows}_customer_idx`, columns: ['customer_id'] },
    ],
    foreignKeys: [
      {
        name: `${TABLE.importRows}_job_fk`,
        columns: ['job_id'],
        referencedTable: TABLE.importJobs,
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  },
];
