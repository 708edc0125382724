/** The plugin id, as it appears in `config/plugins.ts` and in every uid. */
export const PLUGIN_ID = 'segments';

/** Content-type uids of the plugin. */
export const UID = {
  customer: 'plugin::segments.customer',
  event: 'plugin::segments.event',
  segment: 'plugin::segments.segment',
} as const;

/**
 * Database tables. Multi-valued customer fields live in child tables of their own so that a
 * lookup by any email, phone or visitor id is one indexed probe.
 */
export const TABLE = {
  customers: 'segments_customers',
  events: 'segments_events',
  segments: 'segments_segments',
  emails: 'segments_customer_emails',
  phones: 'segments_customer_phones',
  visitorIds: 'segments_customer_visitor_ids',
  tags: 'segments_customer_tags',
  subscriptions: 'segments_customer_subscriptions',
  terms: 'segments_customer_terms',
  nameTokens: 'segments_customer_name_tokens',
  memberships: 'segments_memberships',
  segmentHistory: 'segments_segment_history',
  leases: 'segments_leases',
  importJobs: 'segments_import_jobs',
  importErrors: 'segments_import_errors',
  importErrorContacts: 'segments_import_error_contacts',
  importRows: 'segments_import_rows',
  merges: 'segments_merges',
  exportJobs: 'segments_export_jobs',
  retentionRuns: 'segments_retention_runs',
  abTests: 'segments_ab_tests',
  abAssignments: 'segments_ab_assignments',
} as const;

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const CUSTOMER_SOURCES = ['manual', 'import', 'tracking', 'api'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];

/** Event types the plugin knows; any other non-empty name is a custom type. */
export const EVENT_TYPES = [
  'View',
  'Click',
  'Like',
  'Bookmark',
  'Share',
  'Comment',
  'Subscribe',
  'SignUp',
  'Conversion',
  'PageVisit',
] as const;
export type KnownEventType = (typeof EVENT_TYPES)[number];

export const SEGMENT_KINDS = ['rule', 'external'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** Between the values of a multi-valued field in an export column (the import's separator). */
export const LIST_SEPARATOR = ', ';
