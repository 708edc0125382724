import * as yup from 'yup';
import { customerListFilters } from './customer-list';

/** POST /segments/customers/bulk-delete: some customers by id, or all (matching filters). */
export const bulkDeleteSchema = yup
  .object({
    documentIds: yup.array().of(yup.string().trim().min(1).max(64).required()).max(10_000),
    all: yup.boolean(),
    filters: customerListFilters.optional().default(undefined),
  })
  .noUnknown('${unknown} is not an option of bulk delete')
  .test(
    'one-of',
    'Give either documentIds (the customers to delete) or all: true (everything matching filters)',
    (value) => Boolean(value.all) !== Boolean(value.documentIds?.length)
  );

export type BulkDeleteInput = yup.InferType<typeof bulkDeleteSchema>;

export namespace BulkDeleteCustomers {
  export type Request = { body: BulkDeleteInput };
  export interface Response {
    data: { deleted: number };
  }
}
