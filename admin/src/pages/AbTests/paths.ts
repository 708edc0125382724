import { PLUGIN_ID } from '../../pluginId';

const root = `/plugins/${PLUGIN_ID}/ab-tests`;

/** Where the A/B test pages live in the admin. */
export const abTestPaths = {
  list: root,
  results: (documentId: string) => `${root}/${encodeURIComponent(documentId)}`,
};
