import type { ObjectSchema } from 'yup';
import {
  MAX_BATCH,
  trackedEventSchema,
  trackingBodySchema,
  type TrackedEvent,
} from '../../../contracts/tracking';
import { assertShape, validateSync } from '../validation/validate';

const MESSAGE = 'The events are not valid';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a tracking body (one event, or `{ events }`) with the contract's yup schemas, the
 * cheap way first: yup runs every field of a schema on every event, and an event sends 3 to 6
 * of its 14, so each event is checked against the schema picked to the fields it has (kept
 * per set of fields). Anything else, and any event that fails, goes through the whole body
 * schema, so errors read exactly as the contract words them.
 */
export const createEventsValidator = (customTypes: string[]) => {
  const body = trackingBodySchema(customTypes);
  const event = trackedEventSchema(customTypes);
  const fields = new Set(Object.keys(event.fields));
  const required = Object.entries(event.describe().fields)
    .filter(([, f]) => !(f as { optional?: boolean }).optional)
    .map(([name]) => name);
  const picked = new Map<string, ObjectSchema<any>>();

  const whole = (input: unknown): TrackedEvent[] => {
    const parsed = validateSync(body, input, MESSAGE) as TrackedEvent | { events: TrackedEvent[] };
    return 'events' in parsed ? parsed.events : [parsed];
  };

  return (input: unknown): TrackedEvent[] => {
    // yup would cast utmSource: false to "false": types are checked before the fast path.
    assertShape(body, input, MESSAGE);
    const batch = isRecord(input) && 'events' in input;
    const list = batch ? input.events : [input];
    if (batch && Object.keys(input).length !== 1) return whole(input);
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) return whole(input);
    const events: TrackedEvent[] = [];
    for (const item of list) {
      if (!isRecord(item)) return whole(input);
      const keys = Object.keys(item);
      if (keys.some((k) => !fields.has(k))) return whole(input);
      const signature = keys.sort().join(',');
      let schema = picked.get(signature);
      if (!schema) {
        schema = event.pick([...new Set([...keys, ...required])] as (keyof typeof event.fields)[]);
        if (picked.size > 200) picked.clear();
        picked.set(signature, schema);
      }
      try {
        events.push(schema.validateSync(item) as TrackedEvent);
      } catch {
        return whole(input);
      }
    }
    return events;
  };
};
