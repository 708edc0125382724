import type { Core } from '@strapi/strapi';
import type { SegmentsConfig } from './schema';

/**
 * The plugin's config, typed: every key is there and of its type, as the validator checked at
 * boot with the defaults merged in. Read it when needed rather than keeping it: tests and
 * operators may change a setting at run time (`strapi.config.set`).
 */
export const pluginConfig = (strapi: Core.Strapi): SegmentsConfig =>
  strapi.config.get('plugin::segments') as SegmentsConfig;
