import { TEMPLATE_COLUMNS } from '../../../contracts/imports';
import { csvLine } from './cells';

const EXAMPLE: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  first_name: 'Jan',
  last_name: 'de Vries',
  email: 'jan@example.com',
  phone_number: '310302271710',
  gender: 'M',
  date_of_birth: '1985-04-23',
  street: 'Kerkstraat',
  house_number: '12a',
  zip_code: '1011 AB',
  city: 'Amsterdam',
  country: 'Netherlands',
  job_title: 'Developer',
  reference_id: 'CRM1001',
  tags: 'newsletter,vip',
  terms: '2024-01-15:privacy,15-01-2024:newsletter',
};

/**
 * The template file offered for download: the header row and one example row. It leaves out
 * customer_id, which only an export fills (a file of new customers has none).
 */
export const IMPORT_TEMPLATE =
  csvLine(TEMPLATE_COLUMNS) + csvLine(TEMPLATE_COLUMNS.map((c) => EXAMPLE[c]));
