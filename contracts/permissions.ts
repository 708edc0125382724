import { PLUGIN_ID } from './constants';

/** One RBAC action of the plugin, in the shape the admin's action provider registers. */
export interface PluginAction<Uid extends string = string> {
  section: 'plugins';
  displayName: string;
  uid: Uid;
  subCategory: string;
  pluginName: typeof PLUGIN_ID;
}

const action = <Uid extends string>(
  subCategory: string,
  uid: Uid,
  displayName: string
): PluginAction<Uid> => ({
  section: 'plugins',
  displayName,
  uid,
  subCategory,
  pluginName: PLUGIN_ID,
});

/** Every permission of the plugin, registered once (register.ts) and checked on each route. */
export const ACTIONS = [
  action('Customers', 'customers.read', 'Read customers'),
  action('Customers', 'customers.create', 'Create customers'),
  action('Customers', 'customers.update', 'Update customers'),
  action('Customers', 'customers.delete', 'Delete customers'),
  action('Customers', 'customers.merge', 'Merge customers'),
  action('Customers', 'customers.anonymize', 'Anonymize customers'),
  action('Customers', 'customers.import', 'Import customers'),
  action('Customers', 'customers.bulk-export', 'Bulk export customers'),
  action('Customers', 'customers.bulk-update', 'Bulk update customers (delete many or all)'),
  action('Segments', 'segments.read', 'Read segments'),
  action('Segments', 'segments.manage', 'Create, edit and delete segments'),
  action('Settings', 'settings.read', 'Read settings'),
  action('Settings', 'settings.update', 'Update settings'),
];

/** A permission uid of the plugin ('customers.read' ...): a misspelled one fails typecheck. */
export type PermissionUid = (typeof ACTIONS)[number]['uid'];

/** A full action id: `plugin::segments.customers.read` ... */
export type PermissionId = `plugin::${typeof PLUGIN_ID}.${PermissionUid}`;

/** Full action ids by uid, for routes and the admin: the one place they are spelled. */
export const PERMISSIONS = Object.fromEntries(
  ACTIONS.map((a) => [a.uid, `plugin::${PLUGIN_ID}.${a.uid}`])
) as { [U in PermissionUid]: `plugin::${typeof PLUGIN_ID}.${U}` };

/** The action id of one permission uid. */
export const permission = <U extends PermissionUid>(uid: U) => PERMISSIONS[uid];
