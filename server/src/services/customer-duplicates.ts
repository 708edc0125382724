import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { DuplicateReason, FindDuplicates } from '../../../contracts/merges';
import { loadCustomers } from '../database/customer-read';
import { knexOf } from '../database/knex';
import { toDateOnly } from '../utils/dates';
import { similarEmails } from '../utils/similar-emails';

/** How many rows each lookup reads at most: a very common name must not read a million rows. */
const SAME_NAME_LIMIT = 500;
const SAME_PHONE_LIMIT = 50;
const SHOWN = 20;

type Row = Record<string, any>;

const sameDate = (a: unknown, b: unknown) => {
  const x = toDateOnly(a);
  return x !== null && x === toDateOnly(b);
};

/**
 * Customers with the same first and last name (any letter case), through the
 * `LOWER(last_name), LOWER(first_name)` index (see database/case-indexes.ts).
 */
export const sameNameRows = (knex: Knex, me: Row) =>
  knex(TABLE.customers)
    .select('id', 'date_of_birth')
    .whereRaw('LOWER(last_name) = ?', [String(me.last_name).toLowerCase()])
    .whereRaw('LOWER(first_name) = ?', [String(me.first_name).toLowerCase()])
    .whereNot('id', me.id)
    .whereNull('anonymized_at')
    .limit(SAME_NAME_LIMIT);

/**
 * Likely duplicates of a customer, for the editor to review (never merged automatically): the
 * same phone number, or the same name with the same date of birth or a similar email (see
 * utils/similar-emails.ts). Every lookup goes through an index and reads a bounded number of
 * rows, so the answer takes the same time at 1,000 and at 1,000,000 customers.
 */
const customerDuplicates = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(documentId: string): Promise<FindDuplicates.Response['data']> {
    const knex = knexOf(strapi);
    const me = await knex(TABLE.customers).where({ document_id: documentId }).first();
    if (!me) throw new errors.NotFoundError(`No customer with id ${documentId}`);
    const reasons = new Map<number, Set<DuplicateReason>>();
    const add = (id: number, reason: DuplicateReason) => {
      if (id !== me.id) reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));
    };

    const phones = (await knex(TABLE.phones).select('phone').where('customer_id', me.id)).map(
      (r: { phone: string }) => r.phone
    );
    if (phones.length > 0) {
      const rows = await knex(TABLE.phones)
        .select('customer_id')
        .whereIn('phone', phones)
        .limit(SAME_PHONE_LIMIT);
      rows.forEach((r: { customer_id: number }) => add(r.customer_id, 'samePhone'));
    }

    if (me.first_name && me.last_name) {
      const namesakes: Row[] = await sameNameRows(knex, me);
      namesakes
        .filter((r) => sameDate(r.date_of_birth, me.date_of_birth))
        .forEach((r) => add(r.id, 'sameNameAndBirthDate'));
      const myEmails = (
        await knex(TABLE.emails).select('normalized').where('customer_id', me.id)
      ).map((r: { normalized: string }) => r.normalized);
      if (myEmails.length > 0 && namesakes.length > 0) {
        const theirs: Row[] = await knex(TABLE.emails)
          .select('customer_id', 'normalized')
          .whereIn(
            'customer_id',
            namesakes.map((r) => r.id)
          );
        theirs
          .filter((r) => myEmails.some((mine: string) => similarEmails(mine, r.normalized)))
          .forEach((r) => add(r.customer_id, 'sameNameAndEmail'));
      }
    }

    // Strongest evidence first: more reasons, then a shared phone.
    const ranked = [...reasons.entries()]
      .sort(
        ([, a], [, b]) => b.size - a.size || Number(b.has('samePhone')) - Number(a.has('samePhone'))
      )
      .slice(0, SHOWN)
      .map(([id]) => id);
    const customers = await loadCustomers(knex, ranked);
    return customers
      .filter((c) => !c.anonymizedAt)
      .map((customer) => ({ customer, reasons: [...reasons.get(customer.id)!] }));
  },
});

export default customerDuplicates;
