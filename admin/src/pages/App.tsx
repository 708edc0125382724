import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { pluginPermissions } from '../permissions';
import { AbTestListPage } from './AbTests/AbTestListPage';
import { AbTestResultsPage } from './AbTests/AbTestResultsPage';
import { CustomerCreatePage } from './Customers/CustomerCreatePage';
import { CustomerEditPage } from './Customers/CustomerEditPage';
import { CustomerListPage } from './Customers/CustomerListPage';
import { CustomerProfilePage } from './Customers/CustomerProfilePage';
import { ImportJobPage } from './Imports/ImportJobPage';
import { ImportListPage } from './Imports/ImportListPage';
import { SegmentCreatePage } from './Segments/SegmentCreatePage';
import { SegmentListPage } from './Segments/SegmentListPage';
import { SegmentPage } from './Segments/SegmentPage';

const { readSegments, manageSegments, importCustomers } = pluginPermissions;

/**
 * The plugin's pages under /admin/plugins/segments, beside its own navigation (Customers,
 * Segments, Imports). Reading customers is needed for all; each area checks its own permission.
 */
const App = () => (
  <Page.Protect permissions={pluginPermissions.readCustomers}>
    <Layouts.Root sideNav={<PluginNav />}>
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
        <Route
          path="segments"
          element={
            <Page.Protect permissions={readSegments}>
              <SegmentListPage />
            </Page.Protect>
          }
        />
        <Route
          path="segments/new"
          element={
            <Page.Protect permissions={manageSegments}>
              <SegmentCreatePage />
            </Page.Protect>
          }
        />
        <Route
          path="segments/:documentId"
          element={
            <Page.Protect permissions={readSegments}>
              <SegmentPage />
            </Page.Protect>
          }
        />
        <Route
          path="imports"
          element={
            <Page.Protect permissions={importCustomers}>
              <ImportListPage />
            </Page.Protect>
          }
        />
        <Route
          path="imports/:id"
          element={
            <Page.Protect permissions={importCustomers}>
              <ImportJobPage />
            </Page.Protect>
          }
        />
        <Route
          path="ab-tests"
          element={
            <Page.Protect permissions={readSegments}>
              <AbTestListPage />
            </Page.Protect>
          }
        />
        <Route
          path="ab-tests/:documentId"
          element={
            <Page.Protect permissions={readSegments}>
              <AbTestResultsPage />
            </Page.Protect>
          }
        />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  </Page.Protect>
);

export default App;
