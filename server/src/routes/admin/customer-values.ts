import { requires } from './policies';
import type { PluginRoute } from '../types';

/** Known values of customer fields, for the admin's pickers. */
export default [
  {
    method: 'GET',
    path: '/customer-values',
    handler: 'customer-values.find',
    config: requires('customers.read'),
  },
] as const satisfies readonly PluginRoute[];
