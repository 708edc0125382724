import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of segments, under /segments/segments. */
export default [
  { method: 'GET', path: '/segments', handler: 'segments.find', config: requires('segments.read') },
  {
    method: 'POST',
    path: '/segments',
    handler: 'segments.create',
    config: requires('segments.manage'),
  },
  {
    method: 'POST',
    path: '/segments/preview',
    handler: 'segments.preview',
    config: requires('segments.read'),
  },
  {
    method: 'GET',
    path: '/segments/:documentId',
    handler: 'segments.findOne',
    config: requires('segments.read'),
  },
  {
    method: 'GET',
    path: '/segments/:documentId/history',
    handler: 'segments.history',
    config: requires('segments.read'),
  },
  {
    method: 'GET',
    path: '/segments/:documentId/members',
    handler: 'segments.members',
    config: requires('segments.read', 'customers.read'),
  },
  {
    method: 'PUT',
    path: '/segments/:documentId/members',
    handler: 'segments.pushMembers',
    config: requires('segments.manage'),
  },
  {
    method: 'PUT',
    path: '/segments/:documentId',
    handler: 'segments.update',
    config: requires('segments.manage'),
  },
  {
    method: 'DELETE',
    path: '/segments/:documentId',
    handler: 'segments.delete',
    config: requires('segments.manage'),
  },
  {
    method: 'GET',
    path: '/customers/:documentId/segments/explain',
    handler: 'segments.explain',
    config: requires('customers.read', 'segments.read'),
  },
] as const satisfies readonly PluginRoute[];
