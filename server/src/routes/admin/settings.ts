import { requires } from './policies';

/** Admin API of the plugin's settings (tag groups). */
export default [
  { method: 'GET', path: '/settings', handler: 'settings.find', config: requires('settings.read') },
  {
    method: 'PUT',
    path: '/settings',
    handler: 'settings.update',
    config: requires('settings.update'),
  },
] as const;
