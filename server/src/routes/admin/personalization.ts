import type { PluginRoute } from '../types';
import { requires } from './policies';

/** The Content Manager's "View as" panel; reading the entry is checked in the controller. */
export default [
  {
    method: 'GET',
    path: '/personalization/preview',
    handler: 'personalization.preview',
    config: requires('segments.read'),
  },
] as const satisfies readonly PluginRoute[];
