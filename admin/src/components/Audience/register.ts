import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../pluginId';
import { getTranslation } from '../../utils/getTranslation';
import { AudienceIcon } from './AudienceIcon';

/** Registers the Audience custom field for the Content-Type Builder and the edit view. */
export const registerAudienceField = (app: StrapiApp) => {
  app.customFields.register({
    name: 'audience',
    pluginId: PLUGIN_ID,
    type: 'string',
    intlLabel: { id: getTranslation('audience.fieldName'), defaultMessage: 'Audience' },
    intlDescription: {
      id: getTranslation('audience.fieldDescription'),
      defaultMessage: 'Show this content to one segment, or one variant of an A/B test',
    },
    icon: AudienceIcon,
    components: { Input: async () => import('./AudienceInput') as any },
  });
};
