/** Plugin configuration (`config/plugins.ts` > segments.config). */
export interface SegmentsConfig {
  /** Default page size of the admin customer list. */
  pageSize: number;
  /** When the time-window refresh runs (cron syntax); needs server.cron.enabled. */
  refreshCron: string;
  /** Where uploaded import files wait for their job: storage every instance can read. */
  importDir: string;
  /** How long an import worker holds its job without progress before another may resume it. */
  importLeaseMs: number;
  /** 0: one report email per import; N: also one per N rows while it runs. */
  importReportEvery: number;
  /** false on instances that should serve requests but never run import jobs. */
  importWorker: boolean;
  /** Where export files are kept for 7 days. */
  exportDir: string;
  /** When the data retention job runs (cron syntax, daily by default). */
  retentionCron: string;
  /** Tracking endpoints open to anyone (true) or only to API tokens allowed to use them. */
  trackingPublic: boolean;
  /** The site's own event types, beside View, Click, Like ... */
  customEventTypes: string[];
  /** Tracking requests (events count one each) per IP and per visitor in a window. */
  trackingRateLimit: { windowMs: number; perIp: number; perVisitor: number };
  /**
   * Public identify: 'required' links a visitor to a customer only with a userHash (HMAC-SHA256
   * of the email with `secret`, computed by the site's server); 'off' only ever moves the
   * visitor's anonymous data into the customer. See docs/tracking.md.
   */
  identityVerification: { secret: string | null; mode: 'required' | 'off' };
  /** Where browsers reach Strapi, for tracker.js (else server.url, else the script's own URL). */
  trackerApiOrigin: string | null;
}

export const defaultConfig = (): SegmentsConfig => ({
  pageSize: 50,
  refreshCron: '0 * * * *',
  importDir: '.tmp/segments-imports',
  importLeaseMs: 60_000,
  importReportEvery: 0,
  importWorker: true,
  exportDir: '.tmp/segments-exports',
  retentionCron: '30 3 * * *',
  trackingPublic: true,
  customEventTypes: [],
  trackingRateLimit: { windowMs: 60_000, perIp: 6000, perVisitor: 600 },
  identityVerification: { secret: null, mode: 'required' },
  trackerApiOrigin: null,
});

/** A check of one value: undefined when it is fine, else what it must be. */
type Check = (value: unknown) => string | undefined;

const isInteger = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const integer =
  (min: number, max?: number): Check =>
  (value) =>
    isInteger(value, min, max)
      ? undefined
      : max === undefined
        ? `an integer of ${min} or more`
        : `an integer between ${min} and ${max}`;

const text: Check = (value) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'a non-empty string';

const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'true or false');

const cron: Check = (value) =>
  typeof value === 'string' && value.trim().split(/\s+/).length >= 5
    ? undefined
    : 'a cron rule such as "0 * * * *"';

const stringList: Check = (value) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')
    ? undefined
    : 'an array of non-empty strings';

const nullable =
  (check: Check): Check =>
  (value) =>
    value === null ? undefined : check(value);

const secret: Check = (value) =>
  typeof value === 'string' && value.length >= 16
    ? undefined
    : 'null or a string of 16 or more characters';

const oneOf =
  (...values: string[]): Check =>
  (value) =>
    values.includes(value as string) ? undefined : values.map((v) => `'${v}'`).join(' or ');

const absoluteUrl: Check = (value) =>
  typeof value === 'string' && /^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(value)
    ? undefined
    : 'null or an absolute URL such as https://cms.example.com';

/** An object with exactly these keys, each checked; nested keys are named with dots. */
type Shape = { [key: string]: Check | Shape };

/** Every setting, by key: a key added to SegmentsConfig fails to compile until it is here. */
const CONFIG_SHAPE: Record<keyof SegmentsConfig, Check | Shape> = {
  pageSize: integer(1, 500),
  refreshCron: cron,
  importDir: text,
  importLeaseMs: integer(1),
  importReportEvery: integer(0),
  importWorker: boolean,
  exportDir: text,
  retentionCron: cron,
  trackingPublic: boolean,
  customEventTypes: stringList,
  trackingRateLimit: { windowMs: integer(1), perIp: integer(1), perVisitor: integer(1) },
  identityVerification: { secret: nullable(secret), mode: oneOf('required', 'off') },
  trackerApiOrigin: nullable(absoluteUrl),
};

const checkShape = (shape: Shape, value: unknown, path: string) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} must be an object`);
  }
  const unknown = Object.keys(value).filter((key) => !(key in shape));
  if (unknown.length > 0) {
    throw new Error(
      `${path} has no setting ${unknown.map((key) => `"${key}"`).join(', ')} ` +
        `(known: ${Object.keys(shape).join(', ')})`
    );
  }
  for (const [key, check] of Object.entries(shape)) {
    const at = `${path}.${key}`;
    const item = (value as Record<string, unknown>)[key];
    if (typeof check === 'function') {
      const wanted = check(item);
      if (wanted) throw new Error(`${at} must be ${wanted}, not ${describe(item)}`);
    } else {
      checkShape(check, item, at);
    }
  }
};

/** What a wrong value is, without its content: it may be a secret. */
const describe = (value: unknown) =>
  value === null || value === undefined
    ? String(value)
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'string'
          ? `a string of ${value.length} characters`
          : `${typeof value} ${String(value)}`;

/**
 * Checks every setting of the plugin's config (Strapi merges the defaults in first), so a wrong
 * type or an unknown key stops Strapi at boot with a message naming it, instead of failing on
 * the first request that reads it. Secrets are never echoed.
 */
export function validateConfig(config: unknown): asserts config is SegmentsConfig {
  checkShape(CONFIG_SHAPE, config, 'segments.config');
}
