import customer from './customer';
import event from './event';
import segment from './segment';

/** The plugin's content types, keyed by singular name as Strapi expects. */
export default { customer, event, segment };
