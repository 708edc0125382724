import customerListFirstPage from './customer-list-first-page';
import customerSearchEmail from './customer-search-email';
import customerSearchName from './customer-search-name';
import customerSearchPhone from './customer-search-phone';
import generateCsv from './generate-csv';
import insertCustomers from './insert-customers';
import insertEvents from './insert-events';
import type { Scenario } from './types';

/**
 * Every scenario, in the order a run executes them: the loads come first and leave their data
 * for the queries after them (each engine run starts from an empty database).
 */
export const SCENARIOS: readonly Scenario[] = [
  generateCsv,
  insertCustomers,
  insertEvents,
  customerListFirstPage,
  customerSearchEmail,
  customerSearchPhone,
  customerSearchName,
];
