import { permission, type PermissionUid } from '../../../../contracts/permissions';

/**
 * Route config for an admin route: an authenticated admin holding every given permission. The
 * uids are typed from the one ACTIONS list, so a misspelled permission fails typecheck instead of
 * locking the route for everyone but the super admin.
 */
export const requires = (first: PermissionUid, ...rest: PermissionUid[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [first, ...rest].map(permission) } },
  ],
});
