import { permission } from '../../../../contracts/permissions';

/** Route config for an admin route: an authenticated admin holding every given permission. */
export const requires = (...uids: string[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: uids.map(permission) } },
  ],
});
