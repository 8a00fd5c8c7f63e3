import { basename, extname } from 'node:path';
import { detailParams, errorMessage, errorSpec, localiseDetail, localiseError } from '@civic/app';
import {
  domainError,
  labelOf,
  LINT_CODE_LABELS,
  localPlaceName,
  type DomainError,
  type Locale,
} from '@civic/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';
import { closeAfterReply } from './close-after-reply.ts';

/**
 * Sends an expected error as `{"error":{"code","message","field"?,"file"?,"line"?,"detail"?,"requestId"}}`:
 * `message` in the request's language; for a bad file, the file name (never a server path) and the
 * line, with `detail`: the specific account of the value at fault when it says more than `message` —
 * English: the parser's own words; Russian and Kazakh: the line, the field and the value as the file
 * had them, in the request's language — and `detailParams`, those facts as data.
 */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
  status = errorSpec(error.code).status,
): FastifyReply {
  const message = localiseError(error, req.locale);
  const detail =
    (error.file !== undefined || error.line !== undefined) &&
    error.message &&
    error.message !== message &&
    status < 500
      ? localiseDetail(error, req.locale, withoutPaths(error.message))
      : undefined;
  const body = {
    error: {
      code: error.code,
      message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.file !== undefined ? { file: basename(error.file) } : {}),
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(detail !== undefined ? { detail, detailParams: detailParams(error) } : {}),
      ...lintErrorsOf(error, req.locale),
      ...suggestionsOf(error, req.locale),
      ...unknownFieldsOf(error),
      requestId: req.id,
    },
  };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The lint errors an error names (a submission that did not acknowledge them), with their labels. */
function lintErrorsOf(
  error: DomainError,
  locale: Locale,
): { lintErrors?: { code: string; label: string }[] } {
  const codes = error.details?.['lintErrors'];
  if (!Array.isArray(codes)) return {};
  const lintErrors = codes
    .filter((c): c is string => typeof c === 'string')
    .map((code) => ({ code, label: labelOf(LINT_CODE_LABELS, code, locale) }));
  return { lintErrors };
}

/** A 1C file's fields the importer does not read (`details.unknownFields`): the import page offers an alias. */
function unknownFieldsOf(error: DomainError): { unknownFields?: { field: string; line: number }[] } {
  const list = error.details?.['unknownFields'];
  if (!Array.isArray(list)) return {};
  const unknownFields = list.flatMap((u: unknown) =>
    typeof u === 'object' && u !== null && 'field' in u && 'line' in u
      ? [{ field: String(u.field), line: Number(u.line) }]
      : [],
  );
  return { unknownFields };
}

/** Close names of the gazetteer for an unknown place (`details.suggestions`), in the request's language. */
function suggestionsOf(error: DomainError, locale: Locale): { suggestions?: string[] } {
  const names = error.details?.['suggestions'];
  if (!Array.isArray(names)) return {};
  return {
    suggestions: names
      .filter((n): n is string => typeof n === 'string')
      .map((n) => localPlaceName(n, locale)),
  };
}

/** A message with any absolute file path cut to the file's name (no server paths in answers). */
const withoutPaths = (text: string): string =>
  text.replace(/(^|[\s"'(])(?:\/[^\s/"'()]+)+\/([^\s/"'()]+)/g, '$1$2');

interface ValidationIssue {
  readonly instancePath?: string;
  readonly params?: Record<string, unknown>;
  readonly message?: string;
}

/** The field an ajv validation error is about: `/email` → email, a missing property → its name. */
function fieldOf(e: FastifyError): string {
  const issue = (e.validation?.[0] ?? {}) as ValidationIssue;
  const missing = issue.params?.['missingProperty'] ?? issue.params?.['additionalProperty'];
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  return path || (e.validationContext ?? 'body');
}

/**
 * One place where errors become answers. Expected errors (ApiError, request validation, bad JSON)
 * keep their code and status; anything else is a bug or an outage: logged with the request id and
 * answered with a generic 500 that never carries the original (driver) message.
 */
export function registerErrorHandler(app: FastifyInstance, options: { readonly spaFallback: boolean }): void {
  app.setErrorHandler((e: FastifyError | ApiError | Error, req, reply) => {
    if (e instanceof ApiError) {
      for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
      return sendError(req, reply, e.error);
    }
    const fe = e as FastifyError;
    if (fe.validation) {
      return sendError(
        req,
        reply,
        domainError('REQUEST_INVALID', `${fe.validationContext ?? 'body'}: ${fe.message}`, {
          field: fieldOf(fe),
        }),
        400,
      );
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Refused from the Content-Length (or as the body grew past the limit): close rather than drain.
      closeAfterReply(req, reply);
      const limit = req.routeOptions.bodyLimit;
      return sendError(
        req,
        reply,
        domainError('REQUEST_BODY_TOO_LARGE', `the body is larger than this route takes (${limit} bytes)`, {
          field: 'body',
        }),
        413,
      );
    }
    if (
      typeof fe.statusCode === 'number' &&
      fe.statusCode >= 400 &&
      fe.statusCode < 500 &&
      fe.code?.startsWith('FST_')
    ) {
      return sendError(
        req,
        reply,
        domainError('REQUEST_INVALID', fe.message, { field: 'body' }),
        fe.statusCode,
      );
    }
    req.log.error({ err: e }, 'unexpected error');
    return sendError(req, reply, domainError('INTERNAL', errorMessage('INTERNAL', 'en')), 500);
  });

  // With the web app served, a GET for a page (not the API, not a file) answers the app shell:
  // the client-side router shows the page.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (options.spaFallback && req.method === 'GET' && !path.startsWith('/api/') && extname(path) === '')
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(req, reply, domainError('NOT_FOUND', `no route ${req.method} ${path}`), 404);
  });
}
