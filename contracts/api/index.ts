import { abTestResponses, type AbTestRoutes } from './ab-tests';
import { customerResponses, type CustomerRoutes } from './customers';
import { exportResponses, type ExportRoutes } from './exports';
import { importResponses, type ImportRoutes } from './imports';
import { personalizationResponses, type PersonalizationRoutes } from './personalization';
import type { ResponseContract } from './response';
import { segmentResponses, type SegmentRoutes } from './segments';
import { settingsResponses, type SettingsRoutes } from './settings';
import type { Same } from './shape';
import { trackingResponses, type TrackingRoutes } from './tracking';

/**
 * Each route's successful answer, by handler ('customers.find' …): its status and the shape of
 * its body. The API tests check every response they get against it (tests/helpers/contracts.ts);
 * the request side is ROUTE_INPUTS (server/src/routes/inputs.ts), keyed the same way.
 */
export const RESPONSES = {
  ...customerResponses,
  ...segmentResponses,
  ...importResponses,
  ...exportResponses,
  ...settingsResponses,
  ...abTestResponses,
  ...personalizationResponses,
  ...trackingResponses,
} satisfies Record<string, ResponseContract>;

/** A route of the plugin, named by its handler. */
export type Handler = keyof typeof RESPONSES;

/**
 * What each route takes (`params`, `query`, `body`, as far as it takes them) and answers
 * (`response`), by handler. The admin's API calls are typed with it; the controllers check what
 * they return with `satisfies ResponseOf<…>`.
 */
export interface ApiRoutes
  extends
    CustomerRoutes,
    SegmentRoutes,
    ImportRoutes,
    ExportRoutes,
    SettingsRoutes,
    AbTestRoutes,
    PersonalizationRoutes,
    TrackingRoutes {}

/** The body a route answers with when it succeeds. */
export type ResponseOf<H extends Handler> = ApiRoutes[H]['response'];

/** The body a route takes. */
export type RequestBodyOf<H extends Handler> = ApiRoutes[H] extends { body: infer B } ? B : never;

// Every handler with a response contract has its request/response types, and no more.
const routesMatchResponses: Same<keyof ApiRoutes, Handler> = true;
void routesMatchResponses;

export type { ResponseContract } from './response';
