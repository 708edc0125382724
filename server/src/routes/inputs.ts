import * as yup from 'yup';
import type { ISchema } from 'yup';
import type { Handler } from '../../../contracts/api';
import { abTestInputSchema, abTestUpdateSchema } from '../../../contracts/ab-tests';
import { previewQuerySchema } from '../../../contracts/audience';
import { bulkDeleteSchema } from '../../../contracts/customer-bulk';
import { timelineQuerySchema } from '../../../contracts/customer-events';
import { customerListQuerySchema } from '../../../contracts/customer-list';
import { customerInputSchema } from '../../../contracts/customers';
import { exportRequestSchema } from '../../../contracts/exports';
import { importUploadSchema } from '../../../contracts/imports';
import { mergeSchema } from '../../../contracts/merges';
import { retentionSchema } from '../../../contracts/retention';
import {
  membersPushSchema,
  previewSchema,
  segmentInputSchema,
  segmentUpdateSchema,
} from '../../../contracts/segments';
import { settingsSchema } from '../../../contracts/settings';
import {
  identifySchema,
  serverIdentifySchema,
  serverMergeSchema,
} from '../../../contracts/tracking';

/**
 * What a route reads besides its path: the schema of its query and of its body, or 'own' when
 * the controller reads a raw body itself (tracking takes text/plain). A route without an entry
 * here takes neither: the request guard refuses a query or body sent to it. The controller
 * validates with the same schema; the guard checks types and depth first, and the route fuzzer
 * generates its input from this table.
 */
export interface RouteInput {
  query?: ISchema<any, any>;
  body?: ISchema<any, any> | 'own';
}

/** sendBeacon cannot set headers, so the tracker names its visitor in the query. */
const visitorQuery = yup
  .object({ vid: yup.string() })
  .noUnknown('${unknown} is not a parameter of tracking; the visitor goes in vid');

/** Each route's input, by handler. A handler missing from this table fails typecheck. */
export const ROUTE_INPUTS: Record<string, RouteInput> = {
  'customers.find': { query: customerListQuerySchema },
  'customers.findOne': {},
  'customers.events': { query: timelineQuerySchema },
  'customers.create': { body: customerInputSchema },
  'customers.update': { body: customerInputSchema },
  'customers.delete': {},
  'customers.merge': { body: mergeSchema },
  'customers.duplicates': {},
  'customers.gdprExport': {},
  'customers.anonymize': {},
  'customers.bulkDelete': { body: bulkDeleteSchema },
  'segments.find': {},
  'segments.findOne': {},
  'segments.create': { body: segmentInputSchema },
  'segments.update': { body: segmentUpdateSchema },
  'segments.delete': {},
  'segments.preview': { body: previewSchema },
  'segments.history': {},
  'segments.members': { query: customerListQuerySchema },
  'segments.pushMembers': { body: membersPushSchema },
  'segments.pushMembersByToken': { body: membersPushSchema },
  'segments.explain': {},
  'imports.template': {},
  'imports.create': { body: importUploadSchema },
  'imports.find': {},
  'imports.findOne': {},
  'imports.errors': {},
  'exports.create': { body: exportRequestSchema },
  'exports.find': {},
  'exports.findOne': {},
  'exports.download': {},
  'settings.find': {},
  'settings.tagGroups': {},
  'settings.retention': {},
  'settings.saveRetention': { body: retentionSchema },
  'settings.runRetention': {},
  'settings.update': { body: settingsSchema },
  // The types an A/B test may count are checked by the controller's schema.
  'ab-tests.find': {},
  'ab-tests.findOne': {},
  'ab-tests.create': { body: abTestInputSchema([]) },
  'ab-tests.update': { body: abTestUpdateSchema([]) },
  'ab-tests.delete': {},
  'ab-tests.results': {},
  'personalization.preview': { query: previewQuerySchema },
  'tracking.events': { query: visitorQuery, body: 'own' },
  'tracking.identify': { query: visitorQuery, body: identifySchema },
  'tracking.serverIdentify': { body: serverIdentifySchema },
  'tracking.serverMerge': { body: serverMergeSchema },
  // A site may version the script's URL to refresh caches.
  'tracking.script': {
    query: yup
      .object({ v: yup.string().max(100) })
      .noUnknown('${unknown} is not a parameter of tracker.js; version it with ?v='),
  },
} satisfies Record<Handler, RouteInput>;
