import type { Customer } from '../../../contracts/customers';
import type { Translate } from '../hooks/useT';

/** What to call a customer: the full name, else the first email, else "Anonymous". */
export const customerName = (
  customer: Pick<Customer, 'fullName' | 'firstName' | 'lastName' | 'emails'>,
  t: Translate
) =>
  customer.fullName?.trim() ||
  [customer.firstName, customer.lastName].filter(Boolean).join(' ') ||
  customer.emails[0] ||
  t('customers.anonymous');
