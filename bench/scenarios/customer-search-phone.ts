import { searchScenario } from '../lib/search';

/** Finding a customer by a phone number (digits with country code). */
export default searchScenario('customer-search-phone', 'phone', 'an existing phone');
