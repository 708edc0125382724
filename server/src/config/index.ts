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

const validateIdentityConfig = (config: SegmentsConfig) => {
  const { secret, mode } = config.identityVerification ?? {};
  if (mode !== 'required' && mode !== 'off')
    throw new Error("segments.config.identityVerification.mode must be 'required' or 'off'");
  if (secret !== null && secret !== undefined && (typeof secret !== 'string' || secret.length < 16))
    throw new Error(
      'segments.config.identityVerification.secret must be a string of 16 or more characters'
    );
  const origin = config.trackerApiOrigin;
  if (origin !== null && origin !== undefined && !/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(origin))
    throw new Error(
      'segments.config.trackerApiOrigin must be an absolute URL such as https://cms.example.com'
    );
};

export default {
  default: (): SegmentsConfig => ({
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
  }),
  validator(config: SegmentsConfig) {
    if (!Number.isInteger(config.pageSize) || config.pageSize < 1 || config.pageSize > 500) {
      throw new Error('segments.config.pageSize must be an integer between 1 and 500');
    }
    if (
      typeof config.refreshCron !== 'string' ||
      config.refreshCron.trim().split(/\s+/).length < 5
    ) {
      throw new Error('segments.config.refreshCron must be a cron rule such as "0 * * * *"');
    }
    validateIdentityConfig(config);
  },
};
