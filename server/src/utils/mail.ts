import type { Core } from '@strapi/strapi';

/**
 * Strapi's email plugin falls back to `sendmail`, which on a server without a mail setup tries
 * to deliver straight to the recipient's MX and logs an error per message. The plugin emails only
 * when the app has chosen a provider of its own.
 */
export const mailConfigured = (strapi: Core.Strapi): boolean => {
  if (!strapi.plugin('email')) return false;
  const provider = strapi.config.get('plugin::email.provider') as string | undefined;
  return Boolean(provider) && provider !== 'sendmail';
};

export const MAIL_OFF =
  "[segments] import reports and export links are not emailed: the app has no email provider (Strapi's default, sendmail, is not used). To enable them, configure one in config/plugins.ts, e.g. email: { config: { provider: 'nodemailer', providerOptions: { ... } } } with @strapi/provider-email-nodemailer installed.";

/** Once per boot, in the log. */
export const warnWhenMailOff = (strapi: Core.Strapi) => {
  if (!mailConfigured(strapi)) strapi.log.warn(MAIL_OFF);
};
