import type { StrapiApp } from '@strapi/strapi/admin';
import { registerAudienceField } from './components/Audience/register';
import { Initializer } from './components/Initializer';
import { ViewAsPanel } from './components/Preview/ViewAsPanel';
import { PluginIcon } from './components/PluginIcon';
import { pluginPermissions } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { paths } from './utils/paths';

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Segments' },
      Component: () => import('./pages/App'),
      permissions: pluginPermissions.readCustomers,
    });
    app.addSettingsLink(
      {
        id: PLUGIN_ID,
        intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Segments' },
      },
      [
        {
          id: 'tag-groups',
          to: paths.tagGroupsSetting,
          intlLabel: { id: getTranslation('settings.title'), defaultMessage: 'Tag groups' },
          Component: () => import('./pages/Settings/TagGroupsSettingsPage'),
          permissions: pluginPermissions.readSettings,
        },
        {
          id: 'data-retention',
          to: paths.retentionSetting,
          intlLabel: { id: getTranslation('retention.title'), defaultMessage: 'Data retention' },
          Component: () => import('./pages/Settings/RetentionSettingsPage'),
          permissions: pluginPermissions.readSettings,
        },
      ]
    );
    registerAudienceField(app);
    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
    };
    contentManager.apis.addEditViewSidePanel([ViewAsPanel]);
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          const prefixed = Object.fromEntries(
            Object.entries(data).map(([key, value]) => [getTranslation(key), value])
          );
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;
