import customers from './customers';
import segments from './segments';
import settings from './settings';

export default { customers, segments, settings };
