import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of CSV exports, under /segments/exports. */
export default [
  {
    method: 'POST',
    path: '/exports',
    handler: 'exports.create',
    config: requires('customers.bulk-export'),
  },
  {
    method: 'GET',
    path: '/exports',
    handler: 'exports.find',
    config: requires('customers.bulk-export'),
  },
  {
    method: 'GET',
    path: '/exports/:id',
    handler: 'exports.findOne',
    config: requires('customers.bulk-export'),
  },
  {
    method: 'GET',
    path: '/exports/:id/download',
    handler: 'exports.download',
    config: requires('customers.bulk-export'),
  },
] as const satisfies readonly PluginRoute[];
