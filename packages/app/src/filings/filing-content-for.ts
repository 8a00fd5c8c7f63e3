import {
  buildFilingDocument,
  currency,
  localText,
  type FilingContent,
  type ObligationInstance,
} from '@civic/core';
import { sha256Hex } from '@civic/formats';
import type { OrganisationLedger } from './organisation-ledger.ts';

/** The content a filing for the obligation would have, from the ledger as read (nothing stored). */
export function filingContentFor(
  ledger: OrganisationLedger,
  obligation: ObligationInstance,
  corrects: string | null,
): FilingContent {
  return filingDocumentFor(ledger, obligation, corrects).content;
}

/** filingContentFor with the content's canonical text (what prepareFiling stores and hashes). */
export function filingDocumentFor(
  ledger: OrganisationLedger,
  obligation: ObligationInstance,
  corrects: string | null,
): { content: FilingContent; text: string } {
  const wanted = new Set(obligation.receiptIds);
  const inPeriod = (d: string): boolean => d >= obligation.period.from && d <= obligation.period.to;
  return buildFilingDocument({
    organisation: {
      id: ledger.organisation.id,
      name: ledger.organisation.name,
      bin: ledger.organisation.bin,
      country: ledger.organisation.country,
    },
    pack: {
      id: ledger.pack.id,
      name: localText(ledger.pack.name, 'en'),
      jurisdiction: ledger.pack.jurisdiction,
    },
    // The equivalents are in the jurisdiction's currency, from its pack (KZT for kz, INR for in-fcra).
    equivalentCurrency: currency(ledger.pack.currency),
    obligation,
    receipts: ledger.receipts.filter((r) => wanted.has(r.id)),
    expenditures:
      obligation.trigger === 'period' ? ledger.expenditures.filter((e) => inPeriod(e.spentOn)) : [],
    grants: ledger.grants,
    sources: ledger.sources,
    expendituresToDate: ledger.expenditures.filter((e) => e.spentOn <= obligation.period.to),
    corrects,
    sha256Hex,
  });
}
