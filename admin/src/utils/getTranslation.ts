import { PLUGIN_ID } from '../pluginId';

/** The full translation key of one of the plugin's messages. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
