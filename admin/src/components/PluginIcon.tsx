import { User } from '@strapi/icons';

/** The menu icon of the plugin. */
export const PluginIcon = () => <User />;
