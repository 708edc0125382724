import { useRBAC } from '@strapi/strapi/admin';
import {
  customerActions,
  pluginPermissions,
  profileActions,
  segmentActions,
  settingsActions,
} from '../permissions';

/** What the current admin may do with customers (reading is checked by the page itself). */
export const useCustomerPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(customerActions);
  return {
    isLoading,
    canCreate: Boolean(allowedActions.canCreate),
    canUpdate: Boolean(allowedActions.canUpdate),
    canDelete: Boolean(allowedActions.canDelete),
    canBulkUpdate: Boolean(allowedActions.canBulkUpdate),
  };
};

/** What the current admin may do with the plugin's settings. */
export const useSettingsPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(settingsActions);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canUpdate: Boolean(allowedActions.canUpdate),
  };
};

/** Whether the current admin may read segments, and create, edit and delete them. */
export const useSegmentPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(segmentActions);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canManage: Boolean(allowedActions.canManage),
  };
};

/** Whether the current admin may import customers from CSV files. */
export const useImportPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(pluginPermissions.importCustomers);
  return { isLoading, canImport: Boolean(allowedActions.canImport) };
};

/** Whether the current admin may merge customers and anonymize them. */
export const useProfileActionPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(profileActions);
  return {
    isLoading,
    canMerge: Boolean(allowedActions.canMerge),
    canAnonymize: Boolean(allowedActions.canAnonymize),
  };
};

/** Whether the current admin may export customers to CSV (customers.bulk-export). */
export const useExportPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(pluginPermissions.exportCustomers);
  return { isLoading, canExport: Boolean(allowedActions.canBulkExport) };
};
