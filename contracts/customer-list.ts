import * as yup from 'yup';
import type { Customer } from './customers';
import { GENDERS } from './constants';

export const SORTABLE_FIELDS = [
  'createdAt',
  'updatedAt',
  'lastActivityAt',
  'lastName',
  'firstName',
] as const;

const filterFields = {
  q: yup.string().trim().max(200),
  gender: yup.string().oneOf([...GENDERS]),
  country: yup.string().trim().max(100),
  tag: yup.string().trim().max(100),
  segment: yup.string().trim().max(100),
  createdFrom: yup.date().typeError('createdFrom must be a date'),
  createdTo: yup.date().typeError('createdTo must be a date'),
  ageMin: yup.number().integer().min(0).max(150),
  ageMax: yup.number().integer().min(0).max(150),
};

/** Search and filters of the customer list, also used to bulk delete or export "all matching". */
export const customerListFilters = yup
  .object(filterFields)
  .noUnknown('${unknown} is not a filter of the customer list');

export type CustomerListFilters = yup.InferType<typeof customerListFilters>;

/** Query of GET /segments/customers. */
export const customerListQuerySchema = yup
  .object({
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(500),
    sort: yup
      .string()
      .matches(
        new RegExp(`^(${SORTABLE_FIELDS.join('|')}):(asc|desc)$`),
        'sort must be field:asc or field:desc with field one of ' + SORTABLE_FIELDS.join(', ')
      ),
    ...filterFields,
  })
  .noUnknown('${unknown} is not a filter of the customer list');

export type CustomerListQuery = yup.InferType<typeof customerListQuerySchema>;

/** GET /segments/customers */
export namespace ListCustomers {
  export interface Response {
    data: Customer[];
    meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
  }
}
