import type { Context } from 'koa';
import type { ISchema, InferType } from 'yup';
import { RESPONSES, type Handler, type ResponseOf } from '../../../contracts/api';
import { validate } from '../validation/validate';

/**
 * Answers a route: the body is checked against the route's contract when compiled, and the
 * status (200, 201, 202) is the one the contract declares, so neither is written twice.
 */
export const reply = <H extends Handler>(ctx: Context, handler: H, body: ResponseOf<H>) => {
  ctx.status = RESPONSES[handler].status;
  ctx.body = body;
};

/** The request body validated against a strict schema; no body at all counts as `{}`. */
export const validBody = <S extends ISchema<any, any>>(
  ctx: Context,
  schema: S,
  message: string
): Promise<InferType<S>> => validate(schema, ctx.request.body ?? {}, message);

/** The query string validated against a strict schema. */
export const validQuery = <S extends ISchema<any, any>>(
  ctx: Context,
  schema: S,
  message: string
): Promise<InferType<S>> => validate(schema, ctx.query ?? {}, message);
