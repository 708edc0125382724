import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of A/B tests, under /segments/ab-tests: read with segments.read, write with segments.manage. */
export default [
  { method: 'GET', path: '/ab-tests', handler: 'ab-tests.find', config: requires('segments.read') },
  {
    method: 'POST',
    path: '/ab-tests',
    handler: 'ab-tests.create',
    config: requires('segments.manage'),
  },
  {
    method: 'GET',
    path: '/ab-tests/:documentId',
    handler: 'ab-tests.findOne',
    config: requires('segments.read'),
  },
  {
    method: 'GET',
    path: '/ab-tests/:documentId/results',
    handler: 'ab-tests.results',
    config: requires('segments.read'),
  },
  {
    method: 'PUT',
    path: '/ab-tests/:documentId',
    handler: 'ab-tests.update',
    config: requires('segments.manage'),
  },
  {
    method: 'DELETE',
    path: '/ab-tests/:documentId',
    handler: 'ab-tests.delete',
    config: requires('segments.manage'),
  },
] as const satisfies readonly PluginRoute[];
