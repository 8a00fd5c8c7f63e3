import {
  domainError,
  err,
  ok,
  parseLintView,
  type FilingRecord,
  type LintedContent,
  type Result,
} from '@civic/core';
import { getFilingLintRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import { getFiling, recordWith } from './filing-records.ts';

/**
 * A filing as its lint reads it: `view`, its content from the lint view stored at prepare (a
 * fifth of the canonical text to parse, each source once); `whole`, the content parsed whole — a
 * filing prepared before the view was kept, or a correction (compared whole with the filing it
 * corrects).
 */
export type LintedFiling =
  | { readonly kind: 'whole'; readonly record: FilingRecord }
  | {
      readonly kind: 'view';
      readonly record: Omit<FilingRecord, 'content'> & { readonly content: LintedContent };
    };

export async function getLintedFiling(ctx: AppContext, filingId: string): Promise<Result<LintedFiling>> {
  const row = await getFilingLintRow(ctx.store.db, filingId);
  if (!row)
    return err(
      domainError('FILING_NOT_FOUND', `no filing "${filingId}" in this database`, { field: 'filing' }),
    );
  const view = row.head.corrects === null && row.lintView !== null ? parseLintView(row.lintView) : undefined;
  if (view) return ok({ kind: 'view', record: recordWith(row.head, view) });
  const whole = await getFiling(ctx, filingId);
  return whole.ok ? ok({ kind: 'whole', record: whole.value }) : whole;
}
