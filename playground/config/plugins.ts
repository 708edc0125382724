import type { Core } from '@strapi/strapi';
import { pluginRoot } from '../src/paths';

const config = (): Core.Config.Plugin => ({
  segments: {
    enabled: true,
    resolve: pluginRoot,
  },
});

export default config;
