// The admin panel's languages beside English: the plugin ships Dutch (admin/src/translations/nl.json).
export default {
  config: {
    locales: ['nl'],
  },
  bootstrap() {},
};
