import { permission } from '../../contracts/permissions';

const action = (uid: string) => [{ action: permission(uid), subject: null }];

/** Permission sets the admin pages and buttons check (the server checks them again). */
export const pluginPermissions = {
  readCustomers: action('customers.read'),
  createCustomers: action('customers.create'),
  updateCustomers: action('customers.update'),
  deleteCustomers: action('customers.delete'),
  bulkUpdateCustomers: action('customers.bulk-update'),
  readSegments: action('segments.read'),
};
