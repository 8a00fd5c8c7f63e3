import type { RulePackSummary } from '@civic/app';
import {
  formatDayCount,
  formatNumber,
  formatUnitCount,
  labelOf,
  localText,
  type Locale,
  type Obligation,
  type RulePack,
} from '@civic/core';
import { countOf, phrase } from './phrase.ts';
import {
  APPLIES_AT_LABELS,
  deadlineText,
  EVENT_LABELS,
  fineText,
  inForceText,
  RULE_WORDS,
  TRIGGER_LABELS,
  weekendsText,
} from './rule-pack-words.ts';

/**
 * The readable output of `civic rules list|validate|show` in ru/kk/en. English keeps the lines it
 * always printed (ids, ISO dates, deadlines as JSON) for the people who write packs; Russian and
 * Kazakh print the pack's own titles and citations in the language, dates, counts and deadlines in
 * words through the core formatter.
 */

const word = (lang: Locale, key: 'valid' | 'invalid' | 'unverified'): string => RULE_WORDS[key][lang];
const mark = (lang: Locale, verified: boolean): string => (verified ? '' : word(lang, 'unverified'));

/** `civic rules list`: one line a pack, its name in the language (`names`: id → name) or its error. */
export function rulesListReport(
  list: readonly RulePackSummary[],
  names: ReadonlyMap<string, string>,
  describe: (e: NonNullable<RulePackSummary['error']>) => string,
  lang: Locale,
): string {
  const line = (p: RulePackSummary): string =>
    `${p.id}\t${word(lang, p.valid ? 'valid' : 'invalid')}\t${names.get(p.id) ?? p.name ?? (p.error ? describe(p.error) : '')}`;
  return `${list.map(line).join('\n')}\n`;
}

/** `civic rules validate` over the whole folder: each pack valid. */
export function allValidReport(list: readonly RulePackSummary[], lang: Locale): string {
  return `${list.map((p) => `${p.id}: ${word(lang, 'valid')}`).join('\n')}\n`;
}

/** `civic rules validate FILE`: valid, with what the pack holds. */
export function validatedLine(target: string, pack: RulePack, unverified: number, lang: Locale): string {
  const en = lang === 'en';
  const n = (count: number, forms: Parameters<typeof countOf>[2]): string =>
    en ? String(count) : countOf(lang, count, forms);
  return `${phrase(RULE_WORDS.summary, lang, {
    target,
    id: pack.id,
    obligations: n(pack.obligations.length, {
      en: ['obligation', 'obligations'],
      ru: ['обязанность', 'обязанности', 'обязанностей'],
      kk: 'міндет',
    }),
    offences: n(pack.offences.length, {
      en: ['offence', 'offences'],
      ru: ['правонарушение', 'правонарушения', 'правонарушений'],
      kk: 'құқық бұзушылық',
    }),
    years: en
      ? String(pack.calendar.years.length)
      : formatUnitCount(lang, 'years', pack.calendar.years.length),
    unverified: n(unverified, {
      en: ['unverified rule', 'unverified rules'],
      ru: ['непроверенное правило', 'непроверенных правила', 'непроверенных правил'],
      kk: 'тексерілмеген ереже',
    }),
  })}\n`;
}

/** `civic rules show`: the pack in the language, unverified rules marked. */
export function rulesShowReport(pack: RulePack, lang: Locale): string {
  return `${(lang === 'en' ? showEnglish(pack) : showLocal(pack, lang)).join('\n')}\n`;
}

function showEnglish(pack: RulePack): string[] {
  const m = (verified: boolean): string => mark('en', verified);
  const out: string[] = [
    `${localText(pack.name, 'en')} (${pack.id}, ${pack.jurisdiction}; reviewed ${pack.reviewed})`,
  ];
  const range = (r: { inForce: { from: string; to: string | null } }): string =>
    `${r.inForce.from} … ${r.inForce.to ?? 'in force'}`;
  out.push('', 'Obligations:');
  for (const o of pack.obligations)
    out.push(
      `  ${o.id} [${range(o)}] ${o.trigger.kind === 'period' ? o.trigger.period : 'each receipt'}, form ${o.form.id}, deadline ${JSON.stringify(o.deadline)}${m(o.verified)}`,
    );
  out.push('', 'Offences:');
  for (const o of pack.offences) {
    out.push(`  ${o.article} [${range(o)}] ${localText(o.title, 'en').slice(0, 80)}${m(o.verified)}`);
    for (const t of o.tiers)
      out.push(
        `    ${t.id}: fine ${JSON.stringify(t.fine)}${t.suspension ? `, suspension ≤ ${t.suspension.maxMonths ?? '?'} months` : ''}${t.ban ? ', ban' : ''}${t.repeatWindow ? `, repeat within ${t.repeatWindow}` : ''}${m(t.verified)}`,
      );
  }
  out.push('', 'Limitation:');
  for (const l of pack.limitations)
    out.push(
      `  ${l.id} [${range(l)}] ${l.period} from ${l.from}${l.continuing ? `; continuing from ${l.continuing.from}${m(l.continuing.verified)}` : ''}${m(l.verified)}`,
    );
  out.push('', 'Appeals:');
  for (const a of pack.appeals)
    out.push(
      `  ${a.id}: complaint ${a.complaint.deadline.days} ${a.complaint.deadline.kind} from ${a.complaint.from}${m(a.complaint.verified)}`,
    );
  if (pack.fineUnit) {
    out.push('', `Fine unit ${pack.fineUnit.code} (${pack.fineUnit.currency}): ${pack.fineUnit.rule.text}`);
    out.push(
      `  ${pack.fineUnit.values.map((v) => `${v.year}: ${v.value}${v.verified ? '' : '?'}`).join(', ')}`,
    );
  }
  out.push('', `Calendar (${pack.calendar.workWeek}):`);
  for (const y of pack.calendar.years)
    out.push(
      `  ${y.year}: ${y.holidays.length} holidays, ${y.movedDaysOff.length} moved, ${y.transfers.length} transfers; ${y.status.expectedWorkingDays ?? '?'} working days${m(y.status.verified)}`,
    );
  return out;
}

/** A form by its number (F.017.00, № 553); a form known only by an English description, by its title. */
const formName = (o: Obligation, lang: Locale): string =>
  /[A-Za-z]{2,}/.test(o.form.id) ? `«${localText(o.form.title, lang)}»` : o.form.id;

function showLocal(pack: RulePack, lang: 'ru' | 'kk'): string[] {
  const m = (verified: boolean): string => mark(lang, verified);
  const out: string[] = [
    phrase(RULE_WORDS.heading, lang, {
      name: localText(pack.name, lang),
      id: pack.id,
      jurisdiction: pack.jurisdiction,
      reviewed: pack.reviewed,
    }),
  ];
  out.push('', RULE_WORDS.obligations[lang]);
  for (const o of pack.obligations) {
    const trigger = o.trigger.kind === 'period' ? o.trigger.period : o.trigger.kind;
    out.push(
      `${phrase(RULE_WORDS.obligation, lang, {
        title: localText(o.title, lang),
        range: inForceText(lang, o),
        trigger: labelOf(TRIGGER_LABELS, trigger, lang),
        form: formName(o, lang),
        deadline: deadlineText(lang, o.deadline),
      })}${m(o.verified)}`,
    );
  }
  if (pack.obligations.length === 0) out.push(RULE_WORDS.none[lang]);
  out.push('', RULE_WORDS.offences[lang]);
  if (pack.offences.length === 0) out.push(RULE_WORDS.none[lang]);
  for (const o of pack.offences) {
    const cite = o.cite ? localText(o.cite, lang) : o.article;
    out.push(
      `${phrase(RULE_WORDS.offence, lang, { cite, range: inForceText(lang, o), title: localText(o.title, lang) })}${m(o.verified)}`,
    );
    for (const t of o.tiers) {
      const extras = [
        t.suspension
          ? phrase(RULE_WORDS.suspension, lang, {
              months:
                t.suspension.maxMonths === null
                  ? '?'
                  : formatUnitCount(lang, 'months', t.suspension.maxMonths),
            })
          : '',
        t.ban ? RULE_WORDS.ban[lang] : '',
        t.repeatWindow ? phrase(RULE_WORDS.repeat, lang, { period: t.repeatWindow }) : '',
      ].join('');
      const name = localText(t.name ?? t.conduct, lang);
      out.push(
        `${phrase(RULE_WORDS.tier, lang, { name, fine: fineText(lang, pack, t.fine) })}${extras}${m(t.verified)}`,
      );
    }
  }
  out.push('', RULE_WORDS.limitation[lang]);
  if (pack.limitations.length === 0) out.push(RULE_WORDS.none[lang]);
  for (const l of pack.limitations) {
    const continuing = l.continuing
      ? `${phrase(RULE_WORDS.continuing, lang, { from: labelOf(EVENT_LABELS, l.continuing.from, lang) })}${m(l.continuing.verified)}`
      : '';
    out.push(
      `${phrase(RULE_WORDS.limitationRule, lang, {
        cite: l.cite ? localText(l.cite, lang) : l.articles.join(', '),
        range: inForceText(lang, l),
        period: l.period,
        from: labelOf(EVENT_LABELS, l.from, lang),
        continuing,
      })}${m(l.verified)}`,
    );
  }
  out.push('', RULE_WORDS.appeals[lang]);
  if (pack.appeals.length === 0) out.push(RULE_WORDS.none[lang]);
  for (const a of pack.appeals)
    out.push(
      `${phrase(RULE_WORDS.appeal, lang, {
        title: localText(a.title, lang),
        deadline: formatDayCount(lang, a.complaint.deadline.days, a.complaint.deadline.kind),
        from: labelOf(EVENT_LABELS, a.complaint.from, lang),
      })}${m(a.complaint.verified)}`,
    );
  if (pack.fineUnit) {
    const u = pack.fineUnit;
    out.push(
      '',
      phrase(RULE_WORDS.fineUnit, lang, {
        name: localText(u.name, lang),
        currency: u.currency,
        appliesAt: labelOf(APPLIES_AT_LABELS, u.rule.appliesAt, lang),
      }),
      `  ${u.values.map((v) => `${v.year}: ${typeof v.value === 'number' ? formatNumber(lang, v.value) : String(v.value)}${v.verified ? '' : '?'}`).join(', ')}`,
    );
  }
  out.push('', phrase(RULE_WORDS.calendar, lang, { weekends: weekendsText(lang, pack.calendar.weekends) }));
  for (const y of pack.calendar.years)
    out.push(
      `${phrase(RULE_WORDS.year, lang, {
        year: String(y.year),
        holidays: countOf(lang, y.holidays.length, {
          en: ['holiday', 'holidays'],
          ru: ['праздничный день', 'праздничных дня', 'праздничных дней'],
          kk: 'мереке күні',
        }),
        moved: countOf(lang, y.movedDaysOff.length, {
          en: ['moved', 'moved'],
          ru: ['перенесённый выходной', 'перенесённых выходных', 'перенесённых выходных'],
          kk: 'ауыстырылған демалыс күні',
        }),
        transfers: countOf(lang, y.transfers.length, {
          en: ['transfer', 'transfers'],
          ru: ['перенос рабочего дня', 'переноса рабочего дня', 'переносов рабочего дня'],
          kk: 'жұмыс күнін ауыстыру',
        }),
        working:
          y.status.expectedWorkingDays === null || y.status.expectedWorkingDays === undefined
            ? RULE_WORDS.workingUnknown[lang]
            : formatDayCount(lang, y.status.expectedWorkingDays, 'working-days'),
      })}${m(y.status.verified)}`,
    );
  return out;
}
