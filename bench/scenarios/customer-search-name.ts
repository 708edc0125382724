import { searchScenario } from '../lib/search';

/** Finding customers by full name: common names match many customers. */
export default searchScenario('customer-search-name', 'fullName', 'an existing full name');
