import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import { loadCustomers } from '../database/customer-read';
import { knexOf } from '../database/knex';

/**
 * Likely duplicates of a customer, for the editor to review (never merged automatically): the
 * same phone number, the same name and date of birth, or the same email local part and name.
 * Each rule is an indexed lookup.
 */
const customerDuplicates = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(documentId: string) {
    const knex = knexOf(strapi);
    const me = await knex(TABLE.customers).where({ document_id: documentId }).first();
    if (!me) throw new errors.NotFoundError(`No customer with id ${documentId}`);
    const reasons = new Map<number, Set<string>>();
    const add = (ids: number[], reason: string) =>
      ids
        .filter((id) => id !== me.id)
        .forEach((id) => reasons.set(id, (reasons.get(id) ?? new Set()).add(reason)));

    const phones = (await knex(TABLE.phones).select('phone').where('customer_id', me.id)).map(
      (r: { phone: string }) => r.phone
    );
    if (phones.length > 0) {
      add(
        (await knex(TABLE.phones).select('customer_id').whereIn('phone', phones).limit(50)).map(
          (r: { customer_id: number }) => r.customer_id
        ),
        'same phone number'
      );
    }
    const sameName = (q: ReturnType<typeof knex>) =>
      q
        .whereRaw('LOWER(first_name) = ?', [String(me.first_name ?? '').toLowerCase()])
        .whereRaw('LOWER(last_name) = ?', [String(me.last_name ?? '').toLowerCase()]);
    if (me.first_name && me.last_name && me.date_of_birth) {
      const rows = await sameName(
        knex(TABLE.customers).select('id').where('date_of_birth', me.date_of_birth)
      ).limit(50);
      add(
        rows.map((r: { id: number }) => r.id),
        'same name and date of birth'
      );
    }
    if (me.first_name || me.last_name) {
      const locals = (
        await knex(TABLE.emails).select('normalized').where('customer_id', me.id)
      ).map((r: { normalized: string }) => r.normalized.split('@')[0]);
      for (const local of locals) {
        const owners = await knex(`${TABLE.emails} as e`)
          .join(`${TABLE.customers} as c`, 'c.id', 'e.customer_id')
          .select('c.id')
          .where('e.normalized', '>=', `${local}@`)
          .andWhere('e.normalized', '<', `${local}@\uffff`)
          .modify((q) => sameName(q))
          .limit(50);
        add(
          owners.map((r: { id: number }) => r.id),
          'same email name and name'
        );
      }
    }
    const customers = await loadCustomers(knex, [...reasons.keys()].slice(0, 20));
    return customers
      .filter((c) => !c.anonymizedAt)
      .map((customer) => ({ customer, reasons: [...reasons.get(customer.id)!] }));
  },
});

export default customerDuplicates;
