import customerListFirstPage from './customer-list-first-page';
import customersDeleteAll from './customers-delete-all';
import customersDeleteSelected from './customers-delete-selected';
import customerSearchEmail from './customer-search-email';
import customerSearchName from './customer-search-name';
import customerSearchPhone from './customer-search-phone';
import exportCsv from './export-csv';
import generateCsv from './generate-csv';
import importCsv from './import-csv';
import importNaive from './import-naive';
import insertCustomers from './insert-customers';
import insertEvents from './insert-events';
import personalizedFind from './personalized-find';
import segmentEvaluate from './segment-evaluate';
import segmentEvaluateJs from './segment-evaluate-js';
import segmentRefreshCustomer from './segment-refresh-customer';
import trackingIngest from './tracking-ingest';
import type { Scenario } from './types';

/**
 * Every scenario, in the order a run executes them: the loads come first and leave their data
 * for the queries after them (each engine run starts from an empty database), and the bulk
 * delete, which empties the data set, comes last. The imports run afterwards in a worker of
 * their own (`worker: 'import'`), on an empty database, and the delete of selected customers in
 * another (`worker: 'delete-selected'`) on a data set of its own.
 */
export const SCENARIOS: readonly Scenario[] = [
  generateCsv,
  insertCustomers,
  insertEvents,
  customerListFirstPage,
  customerSearchEmail,
  customerSearchPhone,
  customerSearchName,
  segmentEvaluate,
  segmentEvaluateJs,
  segmentRefreshCustomer,
  trackingIngest,
  exportCsv,
  personalizedFind,
  customersDeleteAll,
  importCsv,
  importNaive,
  customersDeleteSelected,
];
