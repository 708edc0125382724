import { PLUGIN_ID } from '../pluginId';

const root = `/plugins/${PLUGIN_ID}`;

/** Where the plugin's pages live in the admin (absolute, so any page can link to any other). */
export const paths = {
  customers: `${root}/customers`,
  newCustomer: `${root}/customers/new`,
  customer: (documentId: string) => `${root}/customers/${encodeURIComponent(documentId)}`,
  editCustomer: (documentId: string) => `${root}/customers/${encodeURIComponent(documentId)}/edit`,
  segments: `${root}/segments`,
  newSegment: `${root}/segments/new`,
  segment: (documentId: string) => `${root}/segments/${encodeURIComponent(documentId)}`,
  imports: `${root}/imports`,
  /** One import's report; the report email links here too. */
  importJob: (id: number) => `${root}/imports/${id}`,
  /** The settings link's `to`, relative to /settings as `addSettingsLink` wants it. */
  tagGroupsSetting: `${PLUGIN_ID}/tag-groups`,
  tagGroups: `/settings/${PLUGIN_ID}/tag-groups`,
  /** The data retention settings link's `to`, relative to /settings. */
  retentionSetting: `${PLUGIN_ID}/data-retention`,
};
