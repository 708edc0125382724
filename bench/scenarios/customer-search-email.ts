import { searchScenario } from '../lib/search';

/** Finding a customer by an email address, as typed in the admin's search box. */
export default searchScenario('customer-search-email', 'email', 'an existing email');
