import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from '@strapi/utils';
import { normalizeEmail } from '../../../contracts/customer-fields';

export type IdentityVerification = { secret: string | null; mode: 'required' | 'off' };

/** The userHash a site's server gives its page for a signed-in user: HMAC-SHA256 of the email. */
export const userHashOf = (secret: string, email: string) =>
  createHmac('sha256', secret)
    .update(normalizeEmail(email) ?? email.trim().toLowerCase())
    .digest('hex');

/**
 * In mode 'required', refuses (403) an identify whose userHash is missing or wrong, or when no
 * secret is configured. It reads no data, so the answer says nothing about the email. A
 * PolicyError, because Strapi's content-API routes turn any other ForbiddenError into a bare
 * "Forbidden", and the developer needs to know what to fix.
 */
export const assertUserHash = (
  config: IdentityVerification,
  email: string,
  userHash: string | undefined
) => {
  if (config.mode === 'off') return;
  if (!config.secret)
    throw new errors.PolicyError(
      "identify needs identity verification: set identityVerification.secret in the segments plugin config and send the userHash your server computes, or set identityVerification.mode to 'off'"
    );
  if (!userHash)
    throw new errors.PolicyError(
      'identify needs a userHash: the hex HMAC-SHA256 of the lower-cased email with identityVerification.secret, computed by your server'
    );
  const expected = Buffer.from(userHashOf(config.secret, email), 'utf8');
  const given = Buffer.from(userHash.toLowerCase(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new errors.PolicyError(
      'userHash does not match the email: compute it on your server as the hex HMAC-SHA256 of the lower-cased, trimmed email with identityVerification.secret'
    );
};
