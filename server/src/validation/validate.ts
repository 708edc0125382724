import { errors } from '@strapi/utils';
import { ValidationError as YupValidationError, type ISchema, type InferType } from 'yup';
import { shapeIssues, type ShapeIssue } from './shape';

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
  return failure(details, message);
};

/** One 400 for a list of problems; a message said twice is said once. */
const failure = (details: { path: string[]; message: string; name: string }[], message: string) => {
  const messages = [...new Set(details.map((d) => d.message))];
  const summary = messages.length === 1 ? messages[0] : `${message}: ${messages.join('; ')}`;
  return new errors.ValidationError(summary, { errors: details });
};

/** Refuses a value of the wrong type, too deep or naming a prototype key, before yup casts it. */
const assertShape = (schema: ISchema<any, any>, input: unknown, message: string) => {
  const issues = shapeIssues(schema, input);
  if (issues.length === 0) return;
  const details = issues.map((i: ShapeIssue) => ({
    path: toPath(i.path),
    message: i.message,
    name: 'ValidationError',
  }));
  throw failure(details, message);
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
  assertShape(schema, input, message);
  try {
    return await schema.validate(input, { abortEarly: false, stripUnknown: false });
  } catch (error) {
    if (error instanceof YupValidationError) throw toValidationError(error, message);
    throw error;
  }
};

export { assertShape };

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
  assertShape(schema, input, message);
  try {
    return schema.validateSync(input, { abortEarly: false, stripUnknown: false });
  } catch (error) {
    if (error instanceof YupValidationError) throw toValidationError(error, message);
    throw error;
  }
};
