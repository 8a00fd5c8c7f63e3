import { listImportBatches } from '@civic/store';
import type { AppContext } from '../context.ts';

/** One bank statement import as a person sees it in the batches list. */
export interface BankImportView {
  readonly id: string;
  readonly fileName: string;
  readonly format: string;
  readonly importedAt: string;
  readonly read: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly candidates: number;
  /** Imported although its balances do not add up: the statements and their arithmetic; else null. */
  readonly unbalanced: string | null;
}

/** The organisation's bank statement imports, oldest first (rates imports are not the organisation's). */
export async function listBankImports(ctx: AppContext, organisationId: string): Promise<BankImportView[]> {
  const batches = await listImportBatches(ctx.store.db, organisationId);
  return batches
    .filter((b) => b.kind === 'bank')
    .map((b) => ({
      id: b.id,
      fileName: b.fileName,
      format: b.format,
      importedAt: b.importedAt,
      read: b.read,
      imported: b.imported,
      duplicates: b.duplicates,
      candidates: b.candidates,
      unbalanced: b.unbalanced ?? null,
    }));
}
