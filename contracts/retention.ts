import * as yup from 'yup';
import type { PermissionUid } from './permissions';

/** Data retention: what happens to customers who have not been active for a while. */
export interface RetentionSettings {
  enabled: boolean;
  /** Days without activity (or since creation, for customers never active). */
  days: number;
  action: 'anonymize' | 'delete';
  /** Customers who gave one of these terms, have one of these tags or are in one of these
   * segments (segment IDs) are kept. */
  exemptTerms: string[];
  exemptTags: string[];
  exemptSegments: string[];
}

/**
 * What an admin needs, besides settings.update, to set retention to an action or run it: the
 * permission to do the same by hand.
 */
export const RETENTION_PERMISSION = {
  anonymize: 'customers.anonymize',
  delete: 'customers.bulk-update',
} as const satisfies Record<RetentionSettings['action'], PermissionUid>;

export const DEFAULT_RETENTION: RetentionSettings = {
  enabled: false,
  days: 365,
  action: 'anonymize',
  exemptTerms: [],
  exemptTags: [],
  exemptSegments: [],
};

const names = yup.array().of(yup.string().trim().min(1).max(100).required()).max(100).default([]);

export const retentionSchema = yup
  .object({
    enabled: yup.boolean().required('Say whether retention is on (enabled: true or false)'),
    days: yup
      .number()
      .typeError('days must be a number of days')
      .integer()
      .min(30, 'Keep customers at least 30 days')
      .max(3650)
      .required(),
    action: yup
      .string()
      .oneOf(['anonymize', 'delete'], 'action must be anonymize or delete')
      .required(),
    exemptTerms: names,
    exemptTags: names,
    exemptSegments: names,
  })
  .noUnknown('${unknown} is not a retention setting');

/** One run of the retention job, as logged. */
export interface RetentionRun {
  ranAt: string;
  action: 'anonymize' | 'delete';
  count: number;
  trigger: 'schedule' | 'manual';
}

/** GET /segments/retention */
export namespace GetRetention {
  export interface Response {
    data: { settings: RetentionSettings; nextRunCount: number; runs: RetentionRun[] };
  }
}
