import type { Infer, Shape } from './shape';

/** A JSON answer: its success status and the shape of its body. */
export interface JsonResponse<S extends Shape<any> = Shape<any>> {
  kind: 'json';
  status: 200 | 201 | 202;
  body: S;
}

/** A download or a script: its content type, the body is bytes. */
export interface FileResponse {
  kind: 'file';
  status: 200;
  contentType: string;
}

/** What a route answers when it succeeds. */
export type ResponseContract = JsonResponse | FileResponse;

export const json = <S extends Shape<any>>(
  status: JsonResponse['status'],
  body: S
): JsonResponse<S> => ({ kind: 'json', status, body });

export const file = (contentType: string): FileResponse => ({
  kind: 'file',
  status: 200,
  contentType,
});

/** The TypeScript type of a route's successful body (a Blob for a download, in the admin). */
export type BodyOf<R extends ResponseContract> = R extends JsonResponse<infer S> ? Infer<S> : Blob;

/**
 * A resource's route types from its table of responses: each handler's inputs (`params`,
 * `query`, `body`, as `Inputs` gives them; none where it names no handler) and the body its
 * contract answers, so no route's response type is written by hand. Inputs for a handler the
 * table does not have make ApiRoutes fail its check against RESPONSES.
 */
export type RoutesOf<
  R extends Record<string, ResponseContract>,
  Inputs extends { [H in keyof R]?: object },
> = [Exclude<keyof Inputs, keyof R>] extends [never]
  ? { [H in keyof R]: (H extends keyof Inputs ? Inputs[H] : unknown) & { response: BodyOf<R[H]> } }
  : { 'inputs name a handler without a response': Exclude<keyof Inputs, keyof R> };
