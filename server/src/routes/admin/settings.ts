import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of the plugin's settings (tag groups). */
export default [
  { method: 'GET', path: '/settings', handler: 'settings.find', config: requires('settings.read') },
  {
    // Editors who may read customers see the tag groups on profiles without reading settings.
    method: 'GET',
    path: '/tag-groups',
    handler: 'settings.tagGroups',
    config: requires('customers.read'),
  },
  {
    method: 'GET',
    path: '/retention',
    handler: 'settings.retention',
    config: requires('settings.read'),
  },
  {
    method: 'PUT',
    path: '/retention',
    handler: 'settings.saveRetention',
    config: requires('settings.update'),
  },
  {
    method: 'POST',
    path: '/retention/run',
    handler: 'settings.runRetention',
    config: requires('settings.update'),
  },
  {
    method: 'PUT',
    path: '/settings',
    handler: 'settings.update',
    config: requires('settings.update'),
  },
] as const satisfies readonly PluginRoute[];
