import { Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';
import { pluginPermissions } from '../permissions';
import { CustomerCreatePage } from './Customers/CustomerCreatePage';
import { CustomerEditPage } from './Customers/CustomerEditPage';
import { CustomerListPage } from './Customers/CustomerListPage';
import { CustomerProfilePage } from './Customers/CustomerProfilePage';

/** The plugin's pages under /admin/plugins/segments; reading customers is needed for all. */
const App = () => (
  <Page.Protect permissions={pluginPermissions.readCustomers}>
    <Routes>
      <Route index element={<Navigate to="customers" replace />} />
      <Route path="customers" element={<CustomerListPage />} />
      <Route
        path="customers/new"
        element={
          <Page.Protect permissions={pluginPermissions.createCustomers}>
            <CustomerCreatePage />
          </Page.Protect>
        }
      />
      <Route path="customers/:documentId" element={<CustomerProfilePage />} />
      <Route
        path="customers/:documentId/edit"
        element={
          <Page.Protect permissions={pluginPermissions.updateCustomers}>
            <CustomerEditPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
