import type { Core } from '@strapi/strapi';
import { UID } from '../../contracts/constants';
import { createCaseIndexesInBackground } from './database/case-indexes';
import { indexErrorContactsInBackground } from './database/import-error-contacts';
import { bootstrapPersonalization } from './personalization';
import { getService } from './utils/get-service';
import { warnWhenMailOff } from './utils/mail';
import { pluginConfig } from './config/plugin-config';

type LifecycleEvent = { model: { uid: string }; result?: any; params?: { where?: any } };

/** The customer a lifecycle event concerns: the customer itself, or the event's customer. */
const customerIdsOf = (event: LifecycleEvent): number[] => {
  const rows = Array.isArray(event.result) ? event.result : [event.result];
  return rows
    .map((row) => (event.model.uid === UID.event ? row?.customerId : row?.id))
    .filter((id): id is number => typeof id === 'number');
};

/**
 * Keeps segments current for writes that bypass the plugin's services (the Document Service or
 * the query engine on the customer and event types), and schedules the time-window refresh.
 */
const bootstrap = ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getService(strapi, 'segment-refresh');
  const changed = (event: LifecycleEvent) => engine().enqueue(customerIdsOf(event));
  strapi.db.lifecycles.subscribe({
    models: [UID.customer, UID.event],
    afterCreate: changed,
    afterUpdate: changed,
    afterDelete: changed,
  });

  const config = pluginConfig(strapi);
  strapi.cron.add({
    'segments-time-windows': {
      task: () => engine().refreshTimeWindows(),
      options: { rule: config.refreshCron },
    },
  });
  strapi.cron.add({
    'segments-retention': {
      task: () => getService(strapi, 'retention').run('schedule'),
      options: { rule: config.retentionCron },
    },
  });

  bootstrapPersonalization(strapi);
  warnWhenMailOff(strapi);

  createCaseIndexesInBackground(strapi);
  indexErrorContactsInBackground(strapi);
  // Jobs queued or left running by a stopped instance are picked up here.
  getService(strapi, 'import-runner').start();

  if (!strapi.config.get('server.cron.enabled')) {
    strapi.log.warn(
      '[segments] server.cron.enabled is off: segments with "in the last N days" rules and ages ' +
        'are only refreshed when customers change. Enable cron in config/server.ts.'
    );
  }
};

export default bootstrap;
