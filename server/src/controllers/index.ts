import customers from './customers';
import settings from './settings';

export default { customers, settings };
