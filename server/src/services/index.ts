import abTests from './ab-tests';
import customerBulk from './customer-bulk';
import customerEvents from './customer-events';
import customerDuplicates from './customer-duplicates';
import customerList from './customer-list';
import customerValues from './customer-values';
import customerMerge from './customer-merge';
import customerPrivacy from './customer-privacy';
import customers from './customers';
import exportsService from './exports';
import importReport from './import-report';
import importRunner from './import-runner';
import imports from './imports';
import personalization from './personalization';
import segmentRefresh from './segment-refresh';
import segmentMembers from './segment-members';
import retention from './retention';
import segments from './segments';
import settings from './settings';
import tracking from './tracking';
import visitorIdentity from './visitor-identity';

export default {
  customers,
  'customer-list': customerList,
  'customer-bulk': customerBulk,
  'customer-events': customerEvents,
  'customer-merge': customerMerge,
  'customer-duplicates': customerDuplicates,
  'customer-values': customerValues,
  'customer-privacy': customerPrivacy,
  segments,
  'segment-refresh': segmentRefresh,
  'segment-members': segmentMembers,
  settings,
  retention,
  tracking,
  'visitor-identity': visitorIdentity,
  imports,
  exports: exportsService,
  'import-runner': importRunner,
  'import-report': importReport,
  'ab-tests': abTests,
  personalization,
};
