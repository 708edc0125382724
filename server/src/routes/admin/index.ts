import customers from './customers';
import segments from './segments';
import settings from './settings';

export default () => ({
  type: 'admin',
  routes: [...customers, ...segments, ...settings],
});
