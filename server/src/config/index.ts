/** Plugin configuration (`config/plugins.ts` > segments.config). */
export interface SegmentsConfig {
  /** Default page size of the admin customer list. */
  pageSize: number;
  /** When the time-window refresh runs (cron syntax); needs server.cron.enabled. */
  refreshCron: string;
}

export default {
  default: (): SegmentsConfig => ({ pageSize: 50, refreshCron: '0 * * * *' }),
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
  },
};
