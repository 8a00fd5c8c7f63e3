import { readFile } from 'node:fs/promises';
import { domainError, err, filingWords, isLocale, ok, type Locale, type Result } from '@civic/core';
import { renderFilingJson, renderFilingPdf, renderFilingXlsx } from '@civic/formats';
import { findOrganisation } from '@civic/store';
import type { AppContext } from '../context.ts';
import { organisationNameIn } from '../organisation-name.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { ensureOrgSigningKey } from '../log/org-signing-key.ts';
import { getFiling } from './filing-records.ts';

export const FILING_FORMATS = ['pdf', 'xlsx', 'json'] as const;
export type FilingFormat = (typeof FILING_FORMATS)[number];

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** DejaVu Sans regular and bold (Cyrillic), shipped in assets/fonts. */
async function filingFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  if (fonts) return fonts;
  const dir = new URL('../../../../assets/fonts/', import.meta.url);
  fonts = {
    regular: await readFile(new URL('DejaVuSans.ttf', dir)),
    bold: await readFile(new URL('DejaVuSans-Bold.ttf', dir)),
  };
  return fonts;
}

/** A filing as PDF, XLSX or JSON bytes, every word in Russian (default), Kazakh or English. */
export async function renderFiling(
  ctx: AppContext,
  input: { filingId: string; format: string; lang?: string | undefined },
): Promise<Result<Uint8Array>> {
  if (!(FILING_FORMATS as readonly string[]).includes(input.format)) {
    return err(
      domainError(
        'FILING_FORMAT_INVALID',
        `format "${input.format}" is not one of ${FILING_FORMATS.join(', ')}`,
        { field: 'format' },
      ),
    );
  }
  const lang: Locale = input.lang === undefined ? 'ru' : isLocale(input.lang) ? input.lang : 'en';
  if (input.lang !== undefined && !isLocale(input.lang))
    return err(
      domainError('FILING_LANG_INVALID', `language "${input.lang}" is not one of en, ru, kk`, {
        field: 'lang',
      }),
    );
  const f = await getFiling(ctx, input.filingId);
  if (!f.ok) return f;
  if (input.format === 'json') return ok(new TextEncoder().encode(renderFilingJson(f.value)));
  // The organisation's public key and fingerprint go on every rendered filing (issue 12).
  const key = await ensureOrgSigningKey(ctx, f.value.organisation);
  if (!key.ok) return key;
  const signingKey = { fingerprint: key.value.fingerprint, publicKey: key.value.publicKey };
  // Titles, the form's official name, the period and the legal basis in the language, from the pack
  // the filing was prepared under (a pack no longer installed leaves the content's English words).
  const pack = await loadRulePack(f.value.content.pack.id);
  const words = pack.ok ? filingWords(pack.value, f.value.content, lang) : undefined;
  // The organisation as the language names it (a Cyrillic alias in ru/kk), as the objection does.
  const org = await findOrganisation(ctx.store.db, f.value.organisation);
  const organisationName = org ? organisationNameIn(org, lang) : undefined;
  const options = { lang, signingKey, words, organisationName };
  if (input.format === 'xlsx') return ok(await renderFilingXlsx(f.value, options));
  return ok(await renderFilingPdf(f.value, { ...options, fonts: await filingFonts() }));
}
