import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../../../contracts/constants';
import type { Customer, ValidCustomerInput } from '../../../contracts/customers';
import { nameTokens } from '../../../contracts/customer-fields';
import { emailOwners, replaceChildren } from '../database/customer-children';
import { PROFILE_COLUMNS } from '../database/customer-columns';
import { loadCustomers } from '../database/customer-read';
import { deleteCustomerRows, refreshMemberCounts, segmentsOf } from '../database/customer-removal';
import { newDocumentId } from '../database/document-id';
import { isUniqueViolation, knexOf } from '../database/knex';
import { getService } from '../utils/get-service';

const SCALARS = { ...PROFILE_COLUMNS, source: 'source' } as const;

const scalarColumns = (input: ValidCustomerInput) => {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(SCALARS)) {
    const value = input[field as keyof typeof SCALARS];
    if (value !== undefined) columns[column] = value;
  }
  return columns;
};

const emailTaken = (email: string) =>
  new errors.ValidationError(`Email ${email} already belongs to another customer`, {
    errors: [{ path: ['emails'], message: `Email ${email} already belongs to another customer` }],
  });

/** Customer profiles: create, read, update and delete, with their multi-valued fields. */
const customers = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);

  const assertEmailsFree = async (
    trx: Parameters<typeof emailOwners>[0],
    emails: string[] | undefined,
    exceptId?: number
  ) => {
    const owners = await emailOwners(trx, emails ?? [], exceptId);
    if (owners.length > 0) throw emailTaken(owners[0].email);
  };

  const idOf = async (documentId: string): Promise<number> => {
    const row = await knex()(TABLE.customers)
      .select('id')
      .where({ document_id: documentId })
      .first();
    if (!row) throw new errors.NotFoundError(`No customer with id ${documentId}`);
    return row.id;
  };

  /** Writes in one transaction; a unique-email race still ends as a clear 400. */
  const inTransaction = async <T>(work: (trx: any) => Promise<T>, emails?: string[]) => {
    try {
      return await knex().transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(emails?.[0] ?? 'given');
      throw error;
    }
  };

  return {
    /** Creates one customer; an email already held by another customer is refused. */
    async create(input: ValidCustomerInput, source = input.source ?? 'manual'): Promise<Customer> {
      const id = await inTransaction(async (trx) => {
        await assertEmailsFree(trx, input.emails);
        const now = new Date();
        const [row] = await trx(TABLE.customers)
          .insert({
            ...scalarColumns(input),
            source,
            document_id: newDocumentId(),
            created_at: now,
            updated_at: now,
          })
          .returning('id');
        const customerId = typeof row === 'object' ? row.id : row;
        await replaceChildren(trx, customerId, {
          emails: input.emails,
          phones: input.phones,
          tags: input.tags,
          subscriptions: input.subscriptions,
          terms: input.terms,
          nameTokens: nameTokens(input.firstName, input.lastName),
        });
        return customerId as number;
      }, input.emails);
      await getService(strapi, 'segment-refresh').refreshCustomers([id]);
      return (await loadCustomers(knex(), [id]))[0];
    },

    /** Updates the fields given; multi-valued fields given replace the stored ones. */
    async update(documentId: string, input: ValidCustomerInput): Promise<Customer> {
      const id = await idOf(documentId);
      await inTransaction(async (trx) => {
        await assertEmailsFree(trx, input.emails, id);
        const current = await trx(TABLE.customers).where({ id }).first();
        const firstName = input.firstName !== undefined ? input.firstName : current.first_name;
        const lastName = input.lastName !== undefined ? input.lastName : current.last_name;
        await trx(TABLE.customers)
          .where({ id })
          .update({
            ...scalarColumns(input),
            updated_at: new Date(),
          });
        await replaceChildren(trx, id, {
          emails: input.emails,
          phones: input.phones,
          tags: input.tags,
          subscriptions: input.subscriptions,
          terms: input.terms,
          nameTokens: nameTokens(firstName, lastName),
        });
      }, input.emails);
      await getService(strapi, 'segment-refresh').refreshCustomers([id]);
      return (await loadCustomers(knex(), [id]))[0];
    },

    /** One whole profile, or a 404. */
    async findOne(documentId: string): Promise<Customer> {
      return (await loadCustomers(knex(), [await idOf(documentId)]))[0];
    },

    /** Deletes one customer with their events, memberships and child rows. */
    async delete(documentId: string): Promise<{ documentId: string }> {
      const id = await idOf(documentId);
      await knex().transaction(async (trx) => {
        const segments = await segmentsOf(trx, [id]);
        await deleteCustomerRows(trx, [id]);
        await refreshMemberCounts(trx, segments);
      });
      return { documentId };
    },
  };
};

export type CustomersService = ReturnType<typeof customers>;
export default customers;
