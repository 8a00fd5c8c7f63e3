import { domainError } from '@civic/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';
import { closeAfterReply } from './close-after-reply.ts';
import { sendError } from './error-handler.ts';

/**
 * Request bodies (issue 12, defect 10; docs/security.md, "Request bodies"). What a body may cost
 * is decided before any of it is parsed:
 *  - every route takes at most {@link JSON_BODY_LIMIT} bytes unless it declares more (only the
 *    upload routes do: a bank statement), refused with 413 from the Content-Length alone, or
 *    as soon as a body sent without one grows past the limit;
 *  - a request to no route is answered 404 before its body is read (and the connection closed);
 *  - JSON nested deeper than {@link MAX_JSON_DEPTH} is refused before JSON.parse sees it.
 * The access guard also runs before the body is read, so an upload route refuses an anonymous
 * body before reading it.
 */
export const JSON_BODY_LIMIT = 64 * 1024;
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

const hasBody = (req: FastifyRequest): boolean => {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
};

export function registerBodyLimits(app: FastifyInstance): void {
  // Fastify's own JSON parser (it refuses __proto__ and constructor.prototype), after a depth check.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return done(
        new ApiError(
          domainError(
            'REQUEST_JSON_TOO_DEEP',
            `the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
            {
              field: 'body',
            },
          ),
        ),
        undefined,
      );
    return parse(req, text, done);
  });

  // No route: answer before the body is read, and close the connection rather than drain it.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.is404 || !hasBody(req)) return;
    closeAfterReply(req, reply);
    const path = req.url.split('?')[0] ?? '';
    return sendError(req, reply, domainError('NOT_FOUND', `no route ${req.method} ${path}`), 404);
  });
}
