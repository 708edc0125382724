import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of customer profiles, under /segments/customers. */
export default [
  {
    method: 'GET',
    path: '/customers',
    handler: 'customers.find',
    config: requires('customers.read'),
  },
  {
    method: 'POST',
    path: '/customers',
    handler: 'customers.create',
    config: requires('customers.create'),
  },
  {
    method: 'POST',
    path: '/customers/bulk-delete',
    handler: 'customers.bulkDelete',
    config: requires('customers.bulk-update'),
  },
  {
    method: 'GET',
    path: '/customers/:documentId',
    handler: 'customers.findOne',
    config: requires('customers.read'),
  },
  {
    method: 'GET',
    path: '/customers/:documentId/events',
    handler: 'customers.events',
    config: requires('customers.read'),
  },
  {
    method: 'GET',
    path: '/customers/:documentId/duplicates',
    handler: 'customers.duplicates',
    config: requires('customers.read'),
  },
  {
    method: 'GET',
    path: '/customers/:documentId/gdpr-export',
    handler: 'customers.gdprExport',
    config: requires('customers.read'),
  },
  {
    method: 'POST',
    path: '/customers/:documentId/anonymize',
    handler: 'customers.anonymize',
    config: requires('customers.anonymize'),
  },
  {
    method: 'POST',
    path: '/customers/:documentId/merge',
    handler: 'customers.merge',
    config: requires('customers.merge'),
  },
  {
    method: 'PUT',
    path: '/customers/:documentId',
    handler: 'customers.update',
    config: requires('customers.update'),
  },
  {
    method: 'DELETE',
    path: '/customers/:documentId',
    handler: 'customers.delete',
    config: requires('customers.delete'),
  },
] as const satisfies readonly PluginRoute[];
