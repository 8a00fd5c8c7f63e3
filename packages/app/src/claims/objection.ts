import { readFile } from 'node:fs/promises';
import {
  domainError,
  err,
  isLocale,
  ok,
  plainDecimal,
  type CalendarDate,
  type Locale,
  type Result,
} from '@civic/core';
import {
  composeObjection,
  renderObjectionDocx,
  renderObjectionPdf,
  type ObjectionData,
  type ObjectionText,
} from '@civic/formats';
import { findOrganisation } from '@civic/store';
import type { AppContext } from '../context.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { checkCase, type CaseCheckResult } from './case-check.ts';
import { sha256OfBytes } from './cases.ts';
import { actionDate } from './case-view.ts';

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

/** The facts of an objection from a checked case: every action, each ground that favours the defence (once), the records as exhibits. */
export async function objectionData(ctx: AppContext, r: CaseCheckResult): Promise<ObjectionData> {
  const c = r.case;
  const org = await findOrganisation(ctx.store.db, c.organisationId);
  const rulings = c.actions.filter((a) => a.kind === 'ruling' && a.rulingOn !== null);
  const ruling = rulings.at(-1);
  const addressed = ruling ?? [...c.actions].reverse().find((a) => a.authority !== null) ?? null;
  const seen = new Set<string>();
  const grounds = r.check.findings.filter((f) => {
    const key = `${f.code}|${f.message}`;
    if (!f.favoursDefence || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rulingCheck = ruling ? r.check.actions.find((a) => a.actionId === ruling.id)?.check : undefined;
  return {
    caseId: c.id,
    caseTitle: c.title,
    draftedOn: r.check.asOf,
    illustrative: c.illustrative || c.actions.some((a) => a.illustrative),
    organisation: { name: org?.name ?? c.organisationId, bin: org?.bin ?? null, city: org?.city ?? null },
    authority: {
      name: addressed?.authority ?? null,
      office: addressed?.office ?? null,
      place: addressed?.place ?? null,
    },
    rulingOn: ruling?.rulingOn ?? null,
    facts: c.actions.map((a) => ({
      date: actionDate(a),
      kind: a.kind,
      authority: a.authority,
      office: a.office,
      place: a.place,
      article: a.article,
      tier: a.tier,
      what: a.offence?.what ?? null,
      reference: a.offence?.reference ?? null,
      committedOn: a.offence?.committedOn ?? null,
      penalty: a.penalty
        ? {
            mci: a.penalty.mci,
            amount: a.penalty.amount ? plainDecimal(a.penalty.amount.minor, a.penalty.amount.currency) : null,
            currency: a.penalty.amount?.currency ?? null,
            suspensionMonths: a.penalty.suspensionMonths,
          }
        : null,
      notes: a.notes,
    })),
    grounds: grounds.map((f) => ({
      code: f.code,
      message: f.message,
      citation: f.citation,
      verified: f.verified,
      params: f.params,
    })),
    exhibits: r.check.exhibits.map((e) => ({ description: e.description, contentHash: e.contentHash })),
    annexes: c.actions.flatMap((a) => a.documents.map((d) => ({ name: d.name, sha256: d.sha256 }))),
    appealDeadline: rulingCheck?.appeal.deadline
      ? { date: rulingCheck.appeal.deadline, verified: rulingCheck.appeal.verified }
      : null,
  };
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
  options: { lang: string; format: string; asOf?: CalendarDate },
): Promise<Result<DraftedObjection>> {
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
  const text = composeObjection(await objectionData(ctx, checked.value), lang);
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
