/** Plugin configuration (`config/plugins.ts` > segments.config). */
export interface SegmentsConfig {
  /** Default page size of the admin customer list. */
  pageSize: number;
}

export default {
  default: (): SegmentsConfig => ({ pageSize: 50 }),
  validator(config: SegmentsConfig) {
    if (!Number.isInteger(config.pageSize) || config.pageSize < 1 || config.pageSize > 500) {
      throw new Error('segments.config.pageSize must be an integer between 1 and 500');
    }
  },
};
