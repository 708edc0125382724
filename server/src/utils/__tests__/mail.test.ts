import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Core } from '@strapi/strapi';
import { MAIL_OFF, mailConfigured, warnWhenMailOff } from '../mail';

const app = (provider: string | undefined, emailPlugin = true) => {
  const warnings: string[] = [];
  const strapi = {
    plugin: (name: string) => (name === 'email' && emailPlugin ? {} : undefined),
    config: { get: (key: string) => (key === 'plugin::email.provider' ? provider : undefined) },
    log: { warn: (msg: string) => warnings.push(msg) },
  } as unknown as Core.Strapi;
  return { strapi, warnings };
};

test("Strapi's default provider (sendmail), none, or no email plugin: reports are not emailed", () => {
  assert.equal(mailConfigured(app('sendmail').strapi), false);
  assert.equal(mailConfigured(app(undefined).strapi), false);
  assert.equal(mailConfigured(app('nodemailer', false).strapi), false);
});

test('a provider the app chose (nodemailer, sendgrid ...): reports are emailed', () => {
  assert.equal(mailConfigured(app('nodemailer').strapi), true);
  assert.equal(mailConfigured(app('sendgrid').strapi), true);
});

test('at boot without a provider, one warning says the reports are off and how to enable them', () => {
  const off = app('sendmail');
  warnWhenMailOff(off.strapi);
  assert.deepEqual(off.warnings, [MAIL_OFF]);
  assert.match(MAIL_OFF, /not emailed/);
  assert.match(MAIL_OFF, /config\/plugins\.ts/);
  const on = app('nodemailer');
  warnWhenMailOff(on.strapi);
  assert.deepEqual(on.warnings, []);
});
