import { PLUGIN_ID } from '../pluginId';

/** Where the plugin's pages live in the admin (absolute, so any page can link to any other). */
export const paths = {
  customers: `/plugins/${PLUGIN_ID}/customers`,
  newCustomer: `/plugins/${PLUGIN_ID}/customers/new`,
  customer: (documentId: string) =>
    `/plugins/${PLUGIN_ID}/customers/${encodeURIComponent(documentId)}`,
  editCustomer: (documentId: string) =>
    `/plugins/${PLUGIN_ID}/customers/${encodeURIComponent(documentId)}/edit`,
  /** The settings link's `to`, relative to /settings as `addSettingsLink` wants it. */
  tagGroupsSetting: `${PLUGIN_ID}/tag-groups`,
  tagGroups: `/settings/${PLUGIN_ID}/tag-groups`,
};
