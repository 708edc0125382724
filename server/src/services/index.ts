import customers from './customers';
import customerList from './customer-list';
import demo from './demo';

export default { customers, 'customer-list': customerList, demo };
