import { errors } from '@strapi/utils';
import { permission, type PermissionUid } from '../../../contracts/permissions';

/** The admin's CASL ability (`ctx.state.userAbility`), as far as the controllers use it. */
export interface UserAbility {
  can(action: string, subject?: unknown): boolean;
}

/** Whether the admin's role holds a permission of the plugin (beyond what its route required). */
export const holds = (ability: UserAbility | undefined, uid: PermissionUid) =>
  Boolean(ability?.can(permission(uid)));

/**
 * Refuses the request with a 403 that says why. A PolicyError, because Strapi replaces the
 * message of any other ForbiddenError thrown behind its authorize step with a bare "Forbidden".
 */
export const refuse = (message: string): never => {
  throw new errors.PolicyError(message);
};

/** Refuses the request (403, with the message) unless the admin's role holds the permission. */
export const assertHolds = (ability: UserAbility | undefined, uid: PermissionUid, why: string) => {
  if (!holds(ability, uid)) refuse(`${why} needs the ${uid} permission, which your role lacks`);
};
