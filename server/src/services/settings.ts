import type { Core } from '@strapi/strapi';
import { DEFAULT_SETTINGS, type Settings } from '../../../contracts/settings';

/** The plugin's editable settings, kept in Strapi's core store. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'segments', key: 'settings' });
  return {
    async get(): Promise<Settings> {
      return { ...DEFAULT_SETTINGS, ...((await store().get()) as Partial<Settings> | null) };
    },
    async set(value: Settings): Promise<Settings> {
      await store().set({ value });
      return this.get();
    },
  };
};

export default settings;
