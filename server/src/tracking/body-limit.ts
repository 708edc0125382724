import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../../contracts/constants';

/** The most a tracking request's body may hold, as sent and once decompressed. */
export const MAX_TRACKING_BODY_BYTES = 256 * 1024;
/** Deeper JSON is refused before parsing: nothing a tracker sends nests this far. */
export const MAX_TRACKING_BODY_DEPTH = 32;

type Outcome = { body: unknown } | { error: unknown };
const outcomes = new WeakMap<IncomingMessage, Outcome>();

const tooLarge = () =>
  new errors.PayloadTooLargeError(
    `A tracking request may be ${MAX_TRACKING_BODY_BYTES / 1024} KB at most`
  );

const decoderFor = (encoding: string) => {
  if (encoding === 'identity') return null;
  // createUnzip reads both the gzip and the zlib (deflate) wrapper.
  if (encoding === 'gzip' || encoding === 'deflate') return zlib.createUnzip();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  throw new errors.ValidationError(
    `Content-Encoding "${encoding}" is not supported; send the body as is, gzip, deflate or br`
  );
};

/**
 * The request's body, decompressed, counting the bytes as they arrive whatever the framing (a
 * chunked body has no Content-Length): past `limit` bytes sent or unpacked it stops with a 413.
 * Whatever is left of a refused body is read and dropped, so the client still gets the answer.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let kept = 0;
    let ended = false;
    let settled = false;
    let decoder: zlib.Unzip | zlib.BrotliDecompress | null = null;

    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', settle);
      req.off('close', onClose);
      if (decoder) {
        decoder.off('data', keep);
        decoder.off('end', settle);
        decoder.destroy();
      }
      if (error === undefined) return resolve(Buffer.concat(chunks, kept));
      req.resume();
      reject(error);
    };
    const keep = (chunk: Buffer) => {
      kept += chunk.length;
      if (kept > limit) settle(tooLarge());
      else chunks.push(chunk);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) settle(tooLarge());
      else if (decoder) decoder.write(chunk);
      else keep(chunk);
    };
    const onEnd = () => {
      ended = true;
      if (decoder) decoder.end();
      else settle();
    };
    const onClose = () => {
      if (!ended) settle(new errors.ApplicationError('The request ended before its body'));
    };

    const declared = Number(req.headers['content-length']);
    if (declared > limit) return settle(tooLarge());
    try {
      const encoding = String(req.headers['content-encoding'] ?? '')
        .trim()
        .toLowerCase();
      decoder = decoderFor(encoding || 'identity');
    } catch (error) {
      return settle(error);
    }
    if (decoder) {
      decoder.on('data', keep);
      decoder.on('end', settle);
      decoder.once('error', () =>
        settle(new errors.ValidationError('The body could not be decompressed'))
      );
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', settle);
    req.on('close', onClose);
  });

/** True when JSON text opens more than `max` objects or arrays inside each other. */
const nestsDeeperThan = (text: string, max: number) => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
};

/** The body as JSON, whatever the Content-Type (the snippet's sendBeacon sends text/plain). */
export const parseTrackingJson = (bytes: Buffer): unknown => {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return {};
  if (nestsDeeperThan(text, MAX_TRACKING_BODY_DEPTH)) {
    throw new errors.ValidationError(
      `The body may nest objects and arrays ${MAX_TRACKING_BODY_DEPTH} levels deep at most`
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new errors.ValidationError('The body is not JSON');
  }
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads the body of the public tracking routes (POST /api/segments/events and /identify) before
 * any other middleware: registered with `strapi.server.use` in register, it runs ahead of the
 * app's middleware stack, whose body parser (koa-body) cuts text/plain at 56 KB and does not
 * count a chunked body. The body read, the request is left without a body (Content-Length and
 * Transfer-Encoding removed), so koa-body finds nothing to parse and leaves `ctx.request.body` as
 * set here. A refused body is not answered here but kept for `trackingBodyOf`, so the route's
 * error answer goes through Strapi's error and CORS middlewares like any other.
 */
export const trackingBodyReader = (strapi: Core.Strapi) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  // Case-insensitive and with an optional trailing slash, as Strapi's router matches routes.
  const paths = new RegExp(`^${escapeRegExp(prefix)}/${PLUGIN_ID}/(?:events|identify)/?$`, 'i');
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST' || !paths.test(ctx.path)) return next();
    try {
      const body = parseTrackingJson(await readBody(ctx.req, MAX_TRACKING_BODY_BYTES));
      outcomes.set(ctx.req, { body });
      (ctx.request as { body?: unknown }).body = body;
    } catch (error) {
      outcomes.set(ctx.req, { error });
    }
    delete ctx.req.headers['content-length'];
    delete ctx.req.headers['transfer-encoding'];
    return next();
  };
};

/** The tracking request's parsed body, or the error its reading met (a 413, a 400). */
export const trackingBodyOf = (ctx: Context): unknown => {
  const outcome = outcomes.get(ctx.req);
  if (!outcome) {
    throw new errors.ApplicationError('The tracking body reader did not read this request');
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.body;
};
