import * as yup from 'yup';
import type { Customer } from './customers';

/** POST /segments/customers/:documentId/merge: the other customer merges into this one. */
export const mergeSchema = yup
  .object({
    sourceDocumentId: yup.string().trim().required('Pick the customer to merge into this one'),
  })
  .noUnknown('${unknown} is not an option of a merge');

/** The audit record of one merge. */
export interface MergeRecord {
  id: number;
  mainDocumentId: string;
  sourceDocumentId: string;
  mergedBy: string | null;
  mergedAt: string;
  /** The single-valued fields the merge filled on the main customer. */
  fieldsFilled: string[];
  /** What the merged-away customer held, for the audit trail and the GDPR export. */
  source: { emails: string[]; phones: string[]; fullName: string | null };
}

export namespace MergeCustomers {
  export interface Response {
    data: { customer: Customer; merge: MergeRecord };
  }
}

/** Why a customer looks like a duplicate of another (the admin words each one). */
export const DUPLICATE_REASONS = ['samePhone', 'sameNameAndBirthDate', 'sameNameAndEmail'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export namespace FindDuplicates {
  export interface Response {
    data: { customer: Customer; reasons: DuplicateReason[] }[];
  }
}
