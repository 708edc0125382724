import * as yup from 'yup';

/** One entry of a customer's "Latest activity" timeline. */
export interface TimelineEvent {
  documentId: string;
  type: string;
  occurredAt: string;
  itemUid: string | null;
  itemDocumentId: string | null;
  itemLocale: string | null;
  url: string | null;
  referrer: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  metadata: Record<string, unknown> | null;
}

export const timelineQuerySchema = yup
  .object({
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(100).default(20),
  })
  .noUnknown('${unknown} is not an option of the activity timeline');

/** GET /segments/customers/:documentId/events, newest first. */
export namespace ListCustomerEvents {
  export interface Response {
    data: TimelineEvent[];
    meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
  }
}
