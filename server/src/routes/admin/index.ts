import abTests from './ab-tests';
import customers from './customers';
import exportsRoutes from './exports';
import imports from './imports';
import personalization from './personalization';
import segments from './segments';
import settings from './settings';
import type { PluginRouter } from '../types';

export default () =>
  ({
    type: 'admin',
    routes: [
      ...customers,
      ...segments,
      ...imports,
      ...exportsRoutes,
      ...settings,
      ...abTests,
      ...personalization,
    ],
  }) satisfies PluginRouter;
