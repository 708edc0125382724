import customerBulk from './customer-bulk';
import customerEvents from './customer-events';
import customerList from './customer-list';
import customers from './customers';
import demo from './demo';
import settings from './settings';

export default {
  customers,
  'customer-list': customerList,
  'customer-bulk': customerBulk,
  'customer-events': customerEvents,
  settings,
  demo,
};
