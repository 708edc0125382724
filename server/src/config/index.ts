import { defaultConfig, validateConfig, type SegmentsConfig } from './schema';

export type { SegmentsConfig } from './schema';

const config: { default: () => SegmentsConfig; validator: (config: unknown) => void } = {
  default: defaultConfig,
  validator: validateConfig,
};

export default config;
