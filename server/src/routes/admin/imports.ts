import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Admin API of customer imports, under /segments/imports. */
export default [
  {
    method: 'GET',
    path: '/imports/template.csv',
    handler: 'imports.template',
    config: requires('customers.import'),
  },
  {
    method: 'GET',
    path: '/imports',
    handler: 'imports.find',
    config: requires('customers.import'),
  },
  {
    method: 'POST',
    path: '/imports',
    handler: 'imports.create',
    config: requires('customers.import'),
  },
  {
    method: 'GET',
    path: '/imports/:id',
    handler: 'imports.findOne',
    config: requires('customers.import'),
  },
  {
    method: 'GET',
    path: '/imports/:id/errors.csv',
    handler: 'imports.errors',
    config: requires('customers.import'),
  },
] as const satisfies readonly PluginRoute[];
