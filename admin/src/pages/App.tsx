import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { pluginPermissions } from '../permissions';
import { CustomerListPage } from './Customers/CustomerListPage';

const App = () => (
  <Page.Protect permissions={pluginPermissions.readCustomers}>
    <Routes>
      <Route index element={<CustomerListPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
