import type { IncidentRecord } from '@civic/app';
import {
  ACTION_TYPE_LABELS,
  adminText,
  DIALECT_LABELS,
  formatKilometres,
  labelOf,
  localLegalBasis,
  localPlaceName,
  VISIBILITY_LABELS,
  waveCategoryLabel,
  type DetectedWave,
  type Locale,
} from '@civic/core';
import { listDay } from './deadline-report.ts';

/**
 * The readable output of `incidents`, `waves`, `org` and `backup` in the language: action kinds,
 * places (the gazetteer's name on the day), legal bases in the local citation style, numbers and
 * dates through the core formatter. Free text (an authority, an organisation's name) stays as
 * entered. English keeps the lines it always printed.
 */

const n = (lang: Locale, v: number): string | number => (lang === 'en' ? String(v) : v);

/** One incident of `civic incidents search`. */
export function incidentLine(i: IncidentRecord, lang: Locale): string {
  const en = lang === 'en';
  const date =
    i.dateTo === i.date ? listDay(lang, i.date) : `${listDay(lang, i.date)}/${listDay(lang, i.dateTo)}`;
  const action = en ? i.action : labelOf(ACTION_TYPE_LABELS, i.action, lang);
  const place = en ? i.place : localPlaceName(i.place, lang, i.date);
  // The basis as the language cites it (en "CoAO 460-1", ru «ст. 460-1 КоАП РК»), whatever was entered.
  const basis = i.legalBasis === null ? null : (localLegalBasis(i.legalBasis, lang) ?? i.legalBasis);
  return `${date}  ${action.padEnd(15)} ${i.organisation} — ${place}${basis === null ? '' : adminText(lang, 'incidentUnder', { basis })}${i.penaltyMci === null ? '' : adminText(lang, 'incidentPenalty', { mci: n(lang, i.penaltyMci) })}${i.authority === null ? '' : ` (${i.authority})`}`;
}

/** The last line of `civic incidents search`: how many of how many. */
export function incidentsFoundLine(shown: number, total: number | undefined, lang: Locale): string {
  return `${adminText(lang, 'incidentsFound', { shown: n(lang, shown), total: total === undefined ? '?' : n(lang, total) })}\n`;
}

/** `civic incidents import`: the summary and each warning (its message already in the language). */
export function incidentsImportReport(
  file: string,
  report: { read: number; imported: number; visibility: string },
  warnings: readonly { message: string; line?: number | undefined }[],
  lang: Locale,
): string {
  const visibility = lang === 'en' ? report.visibility : labelOf(VISIBILITY_LABELS, report.visibility, lang);
  const lines = [
    adminText(lang, 'incidentsImported', {
      imported: n(lang, report.imported),
      read: n(lang, report.read),
      file,
      visibility,
    }),
    ...warnings.map(
      (w) =>
        `${adminText(lang, 'warning', { message: w.message })}${w.line === undefined ? '' : adminText(lang, 'onLine', { line: n(lang, w.line) })}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `civic incidents export --out FILE`: how many were written where. */
export function incidentsExportedLine(count: number, file: string, lang: Locale): string {
  return `${adminText(lang, 'incidentsExported', { count: n(lang, count), file })}\n`;
}

/** `civic waves detect`: the summary line, then each wave. */
export function wavesReport(
  shown: readonly DetectedWave[],
  report: { incidents: number; replications: number; seed: number | string },
  all: boolean,
  lang: Locale,
): string {
  const lines = [
    adminText(lang, 'wavesSummary', {
      count: n(lang, shown.length),
      what: adminText(lang, all ? 'wavesAll' : 'wavesSignificant'),
      incidents: n(lang, report.incidents),
      replications: n(lang, report.replications),
      seed: String(report.seed),
    }),
    ...shown.map((w) => `${w.id}\n${waveLine(w, lang)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function waveLine(w: DetectedWave, lang: Locale): string {
  const en = lang === 'en';
  return adminText(lang, 'wave', {
    from: listDay(lang, w.from),
    to: listDay(lang, w.to),
    category: en ? w.category : waveCategoryLabel(w.category, lang),
    actions: n(lang, w.actions),
    expected: en ? w.expected.toFixed(1) : w.expected.toFixed(1),
    organisations: n(lang, w.organisations.length),
    places: n(lang, w.places.length),
    spread:
      w.spreadKm === null ? '' : adminText(lang, 'waveSpread', { km: formatKilometres(lang, w.spreadKm) }),
    p: en ? String(w.pValue) : w.pValue,
    coordinated: w.coordinated ? '' : adminText(lang, 'notCoordinated'),
  });
}

/** `civic org aliases`: the names and, after a change, how many incidents were re-indexed. */
export function aliasesLine(
  name: string,
  aliases: readonly string[],
  reindexed: number | null,
  lang: Locale,
): string {
  const again = reindexed === null ? '' : adminText(lang, 'reindexed', { n: n(lang, reindexed) });
  return `${name}: ${aliases.join(', ') || '—'}${again}\n`;
}

/** `civic org bin`: the organisation's BIN, or its change («—» for none). */
export function orgBinLine(
  name: string,
  bin: string | null,
  before: string | null | undefined,
  lang: Locale,
): string {
  if (before === undefined) return `${adminText(lang, 'orgBin', { name, bin: bin ?? '—' })}\n`;
  return `${adminText(lang, 'orgBinChanged', { name, bin: bin ?? '—', before: before ?? '—' })}\n`;
}

/** `civic org name`: the organisation's name, or the rename just made. */
export function orgNameLine(name: string, before: string | undefined, lang: Locale): string {
  if (before === undefined) return `${adminText(lang, 'orgName', { name })}\n`;
  return `${adminText(lang, 'orgRenamed', { name, before })}\n`;
}

/** `civic org key`: the organisation's signing key and fingerprint. */
export function signingKeyReport(name: string, fingerprint: string, key: string, lang: Locale): string {
  return `${adminText(lang, 'signingKey', { name, fingerprint, key })}\n`;
}

/** `civic backup create`: what was written. */
export function backupWrittenLine(
  s: {
    file: string;
    bytes: number;
    manifest: { parts: readonly unknown[]; schemaVersion: number | string; logHeads: readonly unknown[] };
  },
  lang: Locale,
): string {
  return `${adminText(lang, 'backupWritten', {
    file: s.file,
    bytes: n(lang, s.bytes),
    parts: n(lang, s.manifest.parts.length),
    schema: String(s.manifest.schemaVersion),
    chains: n(lang, s.manifest.logHeads.length),
  })}\n`;
}

/** `civic backup verify`: the backup's making and each part with its hash. */
export function backupVerifiedReport(
  file: string,
  m: {
    createdAt: string;
    dialect: string;
    schemaVersion: number | string;
    parts: readonly { name: string; bytes: number; sha256: string }[];
  },
  lang: Locale,
): string {
  const head = adminText(lang, 'backupVerified', {
    file,
    created: m.createdAt,
    day: m.createdAt.slice(0, 10),
    time: m.createdAt.slice(11, 16),
    dialect: lang === 'en' ? m.dialect : labelOf(DIALECT_LABELS, m.dialect, lang),
    schema: String(m.schemaVersion),
  });
  const parts = m.parts.map((p) =>
    adminText(lang, 'backupPart', { name: p.name, bytes: n(lang, p.bytes), sha256: p.sha256 }),
  );
  return `${[head, ...parts].join('\n')}\n`;
}

/** `civic backup restore`: where it went and what was checked. */
export function backupRestoredLine(
  file: string,
  s: { target: string; chains: number; files?: number | undefined },
  lang: Locale,
): string {
  const files = s.files ? adminText(lang, 'backupFiles', { n: n(lang, s.files) }) : '';
  return `${adminText(lang, 'backupRestored', { file, target: s.target, chains: n(lang, s.chains), files })}\n`;
}
