import { errors } from '@strapi/utils';
import { ValidationError as YupValidationError, type ISchema, type InferType } from 'yup';

/** yup's "emails[0].value" as ['emails', '0', 'value'], the path shape Strapi's errors use. */
const toPath = (path?: string) =>
  path
    ? path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter(Boolean)
    : [];

const toValidationError = (error: YupValidationError, message: string) => {
  const inner = error.inner.length > 0 ? error.inner : [error];
  const details = inner.map((e) => ({
    path: toPath(e.path),
    message: e.message,
    name: e.name,
  }));
  const summary =
    inner.length === 1 ? inner[0].message : `${message}: ${inner.map((e) => e.message).join('; ')}`;
  return new errors.ValidationError(summary, { errors: details });
};

/**
 * Validates input at the edge of the API. A failure becomes Strapi's ValidationError (HTTP 400)
 * with one entry per field, so an editor sees every problem at once.
 */
export const validate = async <S extends ISchema<any, any>>(
  schema: S,
  input: unknown,
  message = 'Some fields are not valid'
): Promise<InferType<S>> => {
  try {
    return await schema.validate(input, { abortEarly: false, stripUnknown: false });
  } catch (error) {
    if (error instanceof YupValidationError) throw toValidationError(error, message);
    throw error;
  }
};

/**
 * `validate` for schemas without asynchronous tests, on hot paths (tracking): yup's
 * synchronous run skips a promise per field and test.
 */
export const validateSync = <
  S extends ISchema<any, any> & { validateSync(value: unknown, options?: object): InferType<S> },
>(
  schema: S,
  input: unknown,
  message = 'Some fields are not valid'
): InferType<S> => {
  try {
    return schema.validateSync(input, { abortEarly: false, stripUnknown: false });
  } catch (error) {
    if (error instanceof YupValidationError) throw toValidationError(error, message);
    throw error;
  }
};
