import abTests from './ab-tests';
import customers from './customers';
import customerValues from './customer-values';
import exportsController from './exports';
import imports from './imports';
import personalization from './personalization';
import segments from './segments';
import tracking from './tracking';
import settings from './settings';

export default {
  customers,
  'customer-values': customerValues,
  exports: exportsController,
  imports,
  segments,
  settings,
  tracking,
  'ab-tests': abTests,
  personalization,
};
