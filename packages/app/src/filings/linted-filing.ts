import {
  ok,
  parseLintView,
  type FilingContent,
  type FilingRecord,
  type LintedContent,
  type Result,
} from '@civic/core';
import { getFilingContent, getFilingLintRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import { filingNotFound, recordWith } from './filing-records.ts';

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
  if (!row) return filingNotFound(filingId);
  const view = row.head.corrects === null && row.lintView !== null ? parseLintView(row.lintView) : undefined;
  if (view) return ok({ kind: 'view', record: recordWith(row.head, view) });
  // The head is read already: the content alone, not the whole row again.
  const content = await getFilingContent(ctx.store.db, filingId);
  if (content === undefined) return filingNotFound(filingId);
  return ok({ kind: 'whole', record: recordWith(row.head, JSON.parse(content) as FilingContent) });
}
