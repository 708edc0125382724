import type { Customer } from '../../../../contracts/customers';
import type { Translate } from '../../hooks/useT';
import { customerName } from '../../utils/customerName';

type Named = Pick<Customer, 'id' | 'fullName' | 'firstName' | 'lastName' | 'emails' | 'phones'>;

const first = (a: string[], b: string[]) => {
  const x = a[0];
  const y = b[0];
  return x && y && x.toLowerCase() !== y.toLowerCase() ? ([x, y] as const) : null;
};

/**
 * What the merge dialog calls the two customers: their names, and when the names are the same
 * (the usual case for a duplicate) each name with its first email, else phone, else row id, so
 * that "Maria de Vries was merged into Maria de Vries" cannot happen.
 */
export const mergeLabels = (main: Named, other: Named, t: Translate) => {
  const mainName = customerName(main, t);
  const otherName = customerName(other, t);
  if (mainName.toLowerCase() !== otherName.toLowerCase()) {
    return { main: mainName, other: otherName };
  }
  const [a, b] = first(main.emails, other.emails) ??
    first(main.phones, other.phones) ?? [`#${main.id}`, `#${other.id}`];
  return { main: `${mainName} (${a})`, other: `${otherName} (${b})` };
};
