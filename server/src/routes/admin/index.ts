import customers from './customers';
import imports from './imports';
import segments from './segments';
import settings from './settings';

export default () => ({
  type: 'admin',
  routes: [...customers, ...segments, ...imports, ...settings],
});
