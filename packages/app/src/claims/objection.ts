import { readFile } from 'node:fs/promises';
import {
  domainError,
  err,
  isLocale,
  ok,
  type CalendarDate,
  type LegalCase,
  type Locale,
  type Result,
} from '@civic/core';
import {
  composeObjection,
  renderObjectionDocx,
  renderObjectionPdf,
  type ObjectionText,
} from '@civic/formats';
import type { AppContext } from '../context.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { checkCase } from './case-check.ts';
import { sha256OfBytes } from './cases.ts';
import { actionDate } from './case-view.ts';
import { objectionData } from './objection-data.ts';

export type ObjectionFormat = 'docx' | 'pdf';

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
/** DejaVu Sans (with Cyrillic), bundled in assets/fonts. */
async function objectionFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  if (fonts) return fonts;
  const dir = new URL('../../../../assets/fonts/', import.meta.url);
  fonts = {
    regular: await readFile(new URL('DejaVuSans.ttf', dir)),
    bold: await readFile(new URL('DejaVuSans-Bold.ttf', dir)),
  };
  return fonts;
}

export { objectionData, type ObjectionAddressee } from './objection-data.ts';

/**
 * Nothing left to complain of on the draft's date: the ruling was withdrawn or a court annulled it
 * on or before that date. Returns the reason, or null when there is a ruling to annul.
 */
export function nothingToAnnul(c: LegalCase, asOf: CalendarDate): string | null {
  const ruling = c.actions
    .filter((a) => a.kind === 'ruling' && a.rulingOn !== null && a.rulingOn <= asOf)
    .at(-1);
  if (!ruling?.rulingOn) return null;
  const after = c.actions.find((a) => {
    const on = actionDate(a);
    if (on === null || on > asOf || on < (ruling.rulingOn ?? on)) return false;
    return a.kind === 'withdrawal' || (a.kind === 'court-decision' && a.outcome === 'annulled');
  });
  if (!after) return null;
  const on = actionDate(after) ?? '';
  return after.kind === 'withdrawal'
    ? `the ruling of ${ruling.rulingOn} was withdrawn on ${on}, before the draft's date ${asOf}: there is nothing to annul`
    : `a court annulled the ruling of ${ruling.rulingOn} on ${on}, before the draft's date ${asOf}: there is nothing to annul`;
}

export interface DraftedObjection {
  readonly text: ObjectionText;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly mediaType: string;
  readonly fileName: string;
}

/**
 * Drafts an objection (a complaint when the case has a ruling) from a case: DOCX the lawyer edits,
 * or PDF; in Russian, Kazakh or English. Appends `claim.objection-drafted` (language, format,
 * sha256) to the organisation's log. Errors: CASE_NOT_FOUND, OBJECTION_LANG_INVALID, OBJECTION_FORMAT_INVALID.
 */
export async function draftObjection(
  ctx: AppContext,
  caseId: string,
  options: { lang: string; format: string; asOf?: CalendarDate; to?: string },
): Promise<Result<DraftedObjection>> {
  const to = options.to ?? 'court';
  if (to !== 'court' && to !== 'higher-official')
    return err(
      domainError('OBJECTION_TO_INVALID', `to: "${to}" is not court or higher-official`, { field: 'to' }),
    );
  if (!isLocale(options.lang))
    return err(
      domainError('OBJECTION_LANG_INVALID', `lang: "${options.lang}" is not one of ru, kk, en`, {
        field: 'lang',
      }),
    );
  if (options.format !== 'docx' && options.format !== 'pdf')
    return err(
      domainError('OBJECTION_FORMAT_INVALID', `format: "${options.format}" is not docx or pdf`, {
        field: 'format',
      }),
    );
  const lang: Locale = options.lang;
  const checked = await checkCase(ctx, caseId, options.asOf === undefined ? {} : { asOf: options.asOf });
  if (!checked.ok) return checked;
  const nothing = nothingToAnnul(checked.value.case, checked.value.check.asOf);
  if (nothing !== null) return err(domainError('OBJECTION_NOTHING_TO_ANNUL', nothing, { field: 'asOf' }));
  const text = composeObjection(await objectionData(ctx, checked.value, lang, to), lang);
  const bytes =
    options.format === 'docx'
      ? await renderObjectionDocx(text)
      : await renderObjectionPdf(text, {
          fonts: await objectionFonts(),
          created: new Date(`${checked.value.check.asOf}T00:00:00Z`),
        });
  const sha256 = sha256OfBytes(bytes);
  await appendLogEntry(ctx, {
    org: checked.value.case.organisationId,
    kind: 'claim.objection-drafted',
    subjectId: caseId,
    content: { lang, format: options.format, sha256, size: bytes.byteLength },
  });
  return ok({
    text,
    bytes,
    sha256,
    mediaType:
      options.format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
    fileName: `objection-${caseId}-${lang}.${options.format}`,
  });
}
