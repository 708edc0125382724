import customers from './customers';

export default () => ({
  type: 'admin',
  routes: [...customers],
});
