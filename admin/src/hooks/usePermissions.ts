import { useRBAC } from '@strapi/strapi/admin';
import { customerActions, pluginPermissions, settingsActions } from '../permissions';

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

/** Whether the current admin may read segments (to offer them as a filter). */
export const useSegmentPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(pluginPermissions.readSegments);
  return { isLoading, canRead: Boolean(allowedActions.canRead) };
};
