import customers from './customers';
import settings from './settings';

export default () => ({
  type: 'admin',
  routes: [...customers, ...settings],
});
