import type { Permission } from '@strapi/strapi/admin';
import { permission, type PermissionUid } from '../../contracts/permissions';

const action = (uid: PermissionUid): Permission[] => [{ action: permission(uid), subject: null }];

/**
 * Permission sets the admin pages and buttons check (the server checks them again). The one place
 * listing them: pages use `Page.Protect`, buttons `useRBAC` with the groups below.
 */
export const pluginPermissions = {
  readCustomers: action('customers.read'),
  createCustomers: action('customers.create'),
  updateCustomers: action('customers.update'),
  deleteCustomers: action('customers.delete'),
  bulkUpdateCustomers: action('customers.bulk-update'),
  mergeCustomers: action('customers.merge'),
  anonymizeCustomers: action('customers.anonymize'),
  exportCustomers: action('customers.bulk-export'),
  importCustomers: action('customers.import'),
  readSegments: action('segments.read'),
  manageSegments: action('segments.manage'),
  readSettings: action('settings.read'),
  updateSettings: action('settings.update'),
};

/**
 * What the customer pages ask `useRBAC` about; it answers `canCreate`, `canUpdate`, `canDelete`
 * and `canBulkUpdate` (the last word of each action). Module-level so the array is stable.
 */
export const customerActions: Permission[] = [
  ...pluginPermissions.createCustomers,
  ...pluginPermissions.updateCustomers,
  ...pluginPermissions.deleteCustomers,
  ...pluginPermissions.bulkUpdateCustomers,
];

/** What the profile's privacy actions ask `useRBAC` about: `canMerge` and `canAnonymize`. */
export const profileActions: Permission[] = [
  ...pluginPermissions.mergeCustomers,
  ...pluginPermissions.anonymizeCustomers,
];

/** What the settings page asks `useRBAC` about: `canRead` and `canUpdate`. */
export const settingsActions: Permission[] = [
  ...pluginPermissions.readSettings,
  ...pluginPermissions.updateSettings,
];

/** What the segment pages ask `useRBAC` about: `canRead` and `canManage`. */
export const segmentActions: Permission[] = [
  ...pluginPermissions.readSegments,
  ...pluginPermissions.manageSegments,
];
