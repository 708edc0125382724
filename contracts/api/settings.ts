import type { GetRetention, RetentionRun, RetentionSettings } from '../retention';
import type { GetSettings, Settings, TagGroup } from '../settings';
import { json, type RoutesOf } from './response';
import { array, boolean, dateTime, exactly, integer, object, oneOf, string } from './shape';

const tagGroupShape = exactly<TagGroup>()(object({ name: string, tags: array(string) }));
const settingsShape = exactly<Settings>()(object({ tagGroups: array(tagGroupShape) }));

const retentionShape = exactly<GetRetention.Response>()(
  object({
    data: object({
      settings: exactly<RetentionSettings>()(
        object({
          enabled: boolean,
          days: integer,
          action: oneOf(['anonymize', 'delete']),
          exemptTerms: array(string),
          exemptTags: array(string),
          exemptSegments: array(string),
        })
      ),
      nextRunCount: integer,
      runs: array(
        exactly<RetentionRun>()(
          object({
            ranAt: dateTime,
            action: oneOf(['anonymize', 'delete']),
            count: integer,
            trigger: oneOf(['schedule', 'manual']),
          })
        )
      ),
    }),
  })
);

const settingsBody = exactly<GetSettings.Response>()(object({ data: settingsShape }));

/** What each settings and retention route answers, by handler. */
export const settingsResponses = {
  'settings.find': json(200, settingsBody),
  'settings.update': json(200, settingsBody),
  'settings.tagGroups': json(200, object({ data: array(tagGroupShape) })),
  'settings.retention': json(200, retentionShape),
  'settings.saveRetention': json(200, retentionShape),
  'settings.runRetention': json(200, object({ data: object({ ran: boolean, count: integer }) })),
};

type R = typeof settingsResponses;

/** What each settings and retention route takes and answers. */
export type SettingsRoutes = RoutesOf<
  R,
  {
    'settings.update': { body: Settings };
    'settings.saveRetention': { body: RetentionSettings };
  }
>;
