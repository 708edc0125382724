export { PLUGIN_ID } from '../../contracts/constants';
