import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import config from '..';
import { defaultConfig, type SegmentsConfig } from '../schema';

/** The defaults with `change` applied, as Strapi hands the merged config to the validator. */
const withSetting = (change: (c: Record<string, any>) => void) => {
  const c: Record<string, any> = defaultConfig();
  change(c);
  return c as SegmentsConfig;
};

const refuses = (change: (c: Record<string, any>) => void, message: RegExp) =>
  assert.throws(() => config.validator(withSetting(change)), message);

describe('the plugin config', () => {
  it('accepts the defaults and a site that sets every setting', () => {
    config.validator(defaultConfig());
    config.validator({
      pageSize: 100,
      refreshCron: '*/5 * * * *',
      importDir: '/srv/shared/imports',
      importLeaseMs: 30_000,
      importReportEvery: 10_000,
      importWorker: false,
      exportDir: '/srv/shared/exports',
      retentionCron: '0 4 * * *',
      trackingPublic: false,
      customEventTypes: ['Signup', 'Trial started'],
      trackingRateLimit: { windowMs: 1000, perIp: 10, perVisitor: 5 },
      identityVerification: { secret: 'a-secret-of-32-characters-long!!', mode: 'off' },
      trackerApiOrigin: 'https://cms.example.com',
    });
  });

  const wrong: [string, (c: Record<string, any>) => void][] = [
    ['pageSize', (c) => (c.pageSize = '50')],
    ['refreshCron', (c) => (c.refreshCron = 5)],
    ['importDir', (c) => (c.importDir = '')],
    ['importLeaseMs', (c) => (c.importLeaseMs = '60s')],
    ['importReportEvery', (c) => (c.importReportEvery = -1)],
    ['importWorker', (c) => (c.importWorker = 'false')],
    ['exportDir', (c) => (c.exportDir = null)],
    ['retentionCron', (c) => (c.retentionCron = 'daily')],
    ['trackingPublic', (c) => (c.trackingPublic = 1)],
    ['customEventTypes', (c) => (c.customEventTypes = 'Signup')],
    ['trackingRateLimit.perIp', (c) => (c.trackingRateLimit.perIp = '6000')],
    ['identityVerification.mode', (c) => (c.identityVerification.mode = 'on')],
    ['trackerApiOrigin', (c) => (c.trackerApiOrigin = 'cms.example.com')],
  ];
  for (const [key, change] of wrong) {
    it(`refuses a wrong ${key}, naming it`, () => {
      refuses(change, new RegExp(`segments\\.config\\.${key.replace('.', '\\.')} must be `));
    });
  }

  it('covers every default setting with a check', () => {
    for (const key of Object.keys(defaultConfig())) {
      assert.throws(
        () => config.validator(withSetting((c) => (c[key] = Symbol('wrong')))),
        new RegExp(`segments\\.config\\.${key}\\b`),
        key
      );
    }
  });

  it('refuses a misspelt setting rather than ignoring it', () => {
    refuses((c) => (c.pagesize = 20), /segments\.config has no setting "pagesize"/);
    refuses(
      (c) => (c.trackingRateLimit.perIP = 20),
      /segments\.config\.trackingRateLimit has no setting "perIP"/
    );
  });

  it('says what a wrong value is without repeating it: it may be a secret', () => {
    assert.throws(
      () => config.validator(withSetting((c) => (c.identityVerification.secret = 'hunter2-short'))),
      (error: Error) =>
        /identityVerification\.secret must be null or a string of 16 or more characters, not a string of 13 characters/.test(
          error.message
        ) && !error.message.includes('hunter2')
    );
  });
});
