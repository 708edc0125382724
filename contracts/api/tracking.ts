import type { Identify, ServerIdentify, ServerMerge, TrackEvents } from '../tracking';
import { file, json, type RoutesOf } from './response';
import { exactly, integer, object, oneOf, string } from './shape';

const customerRef = object({ data: object({ documentId: string }) });

/** What each tracking route (content API) answers, by handler. */
export const trackingResponses = {
  'tracking.events': json(
    202,
    exactly<TrackEvents.Response>()(object({ data: object({ recorded: integer }) }))
  ),
  'tracking.identify': json(
    202,
    exactly<Identify.Response>()(object({ data: object({ accepted: oneOf([true]) }) }))
  ),
  'tracking.serverIdentify': json(200, exactly<ServerIdentify.Response>()(customerRef)),
  'tracking.serverMerge': json(200, exactly<ServerMerge.Response>()(customerRef)),
  'tracking.script': file('application/javascript'),
};

type R = typeof trackingResponses;

/** What each tracking route takes and answers (the visitor in X-Visitor-Id or ?vid=). */
export type TrackingRoutes = RoutesOf<
  R,
  {
    'tracking.events': {
      query: { vid?: string };
      /** text/plain or JSON: `{ events: [...] }`, checked by the tracking controller. */
      body: { events: unknown[] };
    };
    'tracking.identify': { query: { vid?: string }; body: Identify.Request['body'] };
    'tracking.serverIdentify': { body: ServerIdentify.Request['body'] };
    'tracking.serverMerge': { body: ServerMerge.Request['body'] };
    'tracking.script': { query: { v?: string } };
  }
>;
