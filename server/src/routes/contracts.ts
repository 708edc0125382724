import { RESPONSES, type Handler, type ResponseContract } from '../../../contracts/api';
import { ROUTE_INPUTS, type RouteInput } from './inputs';

/** A route's whole contract: what it reads (query, body) and what it answers when it succeeds. */
export interface RouteContract extends RouteInput {
  response: ResponseContract;
}

/** Every route's contract, by handler: the request guard's input and the response contract. */
export const ROUTE_CONTRACTS = Object.fromEntries(
  (Object.keys(RESPONSES) as Handler[]).map((h) => [
    h,
    { ...ROUTE_INPUTS[h], response: RESPONSES[h] },
  ])
) as Record<Handler, RouteContract>;
