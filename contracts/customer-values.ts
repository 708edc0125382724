import * as yup from 'yup';

/** The customer fields whose known values an editor picks from (retention, filters). */
export const VALUE_FIELDS = ['tags', 'terms', 'subscriptions'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** GET /segments/customer-values?field=tags&q=vi: values in use, in alphabetical order. */
export const customerValuesQuerySchema = yup
  .object({
    field: yup
      .string()
      .strict()
      .oneOf([...VALUE_FIELDS], 'field must be tags, terms or subscriptions')
      .required('Say which field (tags, terms or subscriptions)'),
    q: yup.string().strict().max(100),
  })
  .noUnknown('${unknown} is not an option of the value list');

export namespace ListCustomerValues {
  export interface Response {
    /** Lower-cased, as rules and retention compare them; at most 50. */
    data: string[];
  }
}
