import type { ValidationError } from 'yup';

/**
 * Messages per form field, keyed by the field's path with dots: `firstName`, `emails` (the list
 * as a whole), `emails.1` (its second item), `terms.0.givenAt`.
 */
export type FieldErrors = Record<string, string>;

/** `emails[1]` / `terms[0].givenAt` (yup) or `['emails', '1']` (server) as `emails.1`. */
export const errorKey = (path: string | readonly (string | number)[] | undefined): string =>
  (Array.isArray(path) ? path.join('.') : String(path ?? ''))
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');

/** Every message of a failed `schema.validate(value, { abortEarly: false })`, first per path. */
export const fieldErrorsFromYup = (error: ValidationError): FieldErrors => {
  const errors: FieldErrors = {};
  const all = error.inner.length > 0 ? error.inner : [error];
  for (const item of all) {
    const key = errorKey(item.path);
    if (!(key in errors)) errors[key] = item.message;
  }
  return errors;
};

interface ServerError {
  message?: string;
  details?: { errors?: { path?: (string | number)[]; message?: string }[] };
}

/**
 * The `FetchError` that `useFetchClient` throws, recognised by shape so this file needs nothing
 * from the admin bundle (and unit tests can load it in Node).
 */
interface FetchErrorLike {
  name: 'FetchError';
  status?: number;
  response?: { data?: { error?: ServerError } };
}

const isFetchErrorLike = (error: unknown): error is FetchErrorLike =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: unknown }).name === 'FetchError';

const serverError = (error: unknown): ServerError | undefined =>
  isFetchErrorLike(error) ? error.response?.data?.error : undefined;

/** The message of a failed admin API call, or undefined when there is none to show. */
export const apiErrorMessage = (error: unknown): string | undefined => {
  const message = serverError(error)?.message;
  if (message) return message;
  return error instanceof Error && error.name !== 'AbortError' ? error.message : undefined;
};

/** The per-field messages of a 400 answer (`details.errors[].path`), or null when it has none. */
export const fieldErrorsFromApi = (error: unknown): FieldErrors | null => {
  const items = serverError(error)?.details?.errors;
  if (!Array.isArray(items) || items.length === 0) return null;
  const errors: FieldErrors = {};
  for (const item of items) {
    const key = errorKey(item.path) || '_form';
    if (!(key in errors) && item.message) errors[key] = item.message;
  }
  return errors;
};

/** The HTTP status of a failed admin API call (404 to show "not found"), if known. */
export const apiErrorStatus = (error: unknown): number | undefined =>
  isFetchErrorLike(error) ? error.status : undefined;
