import { listBankImports, previewBankStatement, type BankStatementPreview } from '@civic/app';
import {
  balanceMismatchMessage,
  CANDIDATE_REASON_LABELS,
  domainError,
  importWarningMessage,
  labelOf,
  type Locale,
} from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  BankImportListSchema,
  BankImportQuerySchema,
  BankPreviewSchema,
  type BankPreview,
} from '../http/api/index.ts';
import { membershipOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const write = { access: { org: 'ledger:write' } } as const;
const read = { access: { org: 'ledger:read' } } as const;

/** The preview with every message in the request's language. */
export function previewJson(p: BankStatementPreview, lang: Locale): BankPreview {
  return {
    read: p.read,
    imported: p.imported,
    duplicates: p.duplicates,
    foreignCandidates: p.foreignCandidates,
    format: p.format,
    encoding: p.encoding,
    accounts: [...p.accounts],
    lines: p.lines.map((l) => ({
      ...l,
      foreignReasons: l.foreignReasons.map((r) => ({
        code: r.code,
        message: r.message,
        label: labelOf(CANDIDATE_REASON_LABELS, r.code, lang),
      })),
    })),
    statements: p.statements.map((s) => ({
      ...s,
      mismatch: s.balanced
        ? null
        : balanceMismatchMessage(lang, {
            statement: s.statement ?? '—',
            account: s.account,
            line: s.line,
            currency: s.currency,
            opening: s.opening ?? '',
            totalIn: s.totalIn,
            totalOut: s.totalOut,
            computed: s.computedClosing ?? '',
            closing: s.closing ?? '',
          }),
    })),
    warnings: p.warnings.map((w) => ({
      line: w.line,
      ...(w.field === undefined ? {} : { field: w.field }),
      ...(w.code === undefined ? {} : { code: w.code }),
      message: importWarningMessage(lang, w),
    })),
    balanced: p.balanced,
    otherOwner: p.otherOwner === null ? null : [...p.otherOwner],
    ownerBin: p.ownerBin,
    otherOwnerBin: p.otherOwnerBin,
    lineCount: p.lineCount,
    linesTruncated: p.linesTruncated,
    totals: { in: [...p.totals.in], out: [...p.totals.out] },
  };
}

/**
 * `POST /api/v1/orgs/:orgId/ledger/imports/preview`: what importing the statement (the body) would
 * do, writing nothing — the web import page's preview, the same result as `civic import bank
 * --dry-run`. A file that cannot be read is the import's own error (400, file, line and field).
 */
export const ledgerImportPreviewRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/orgs/:orgId/ledger/imports/preview',
    {
      config: write,
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['ledger'],
        summary:
          'Preview a bank statement import (the file is the body): every line and statement, nothing written',
        params: OrgParamsSchema,
        querystring: BankImportQuerySchema,
        response: { 200: BankPreviewSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const q = req.query;
      const bytes = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0)
        throw new ApiError(
          domainError(
            'REQUEST_INVALID',
            'send the statement file as the request body (application/octet-stream)',
            {
              field: 'body',
            },
          ),
        );
      const r = await previewBankStatement(deps.ctx, {
        bytes: new Uint8Array(bytes),
        fileName: q.fileName,
        org: membershipOf(req).organisationId,
        ...(q.format ? { format: q.format } : {}),
        ...(q.currency ? { currency: q.currency } : {}),
        ...(q.currencyColumn ? { currencyColumn: q.currencyColumn } : {}),
      });
      return previewJson(unwrap(r), req.locale);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/imports',
    {
      config: read,
      schema: {
        tags: ['ledger'],
        summary: "The organisation's bank statement imports, each marked when imported unbalanced",
        params: OrgParamsSchema,
        response: { 200: BankImportListSchema, '4xx': errorRef },
      },
    },
    async (req) => ({ imports: await listBankImports(deps.ctx, membershipOf(req).organisationId) }),
  );
};
