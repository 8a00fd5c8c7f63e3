import type { Vocabulary } from './vocabulary.ts';
import { memoiseText } from '../memoise-text.ts';

/** The kinds of authority that act against an organisation (a code list, not a name: names stay as entered). */
export const AUTHORITY_TYPES = [
  'tax-authority',
  'prosecutor',
  'court',
  'justice-department',
  'police',
  'financial-monitoring',
  'local-executive',
] as const;
export type AuthorityType = (typeof AUTHORITY_TYPES)[number];

export const AUTHORITY_TYPE_LABELS: Vocabulary<AuthorityType> = {
  'tax-authority': {
    en: 'tax authority (state revenue department)',
    ru: 'органы государственных доходов',
    kk: 'мемлекеттік кірістер органдары',
  },
  prosecutor: { en: 'prosecutor’s office', ru: 'прокуратура', kk: 'прокуратура' },
  court: { en: 'court', ru: 'суд', kk: 'сот' },
  'justice-department': { en: 'justice department', ru: 'органы юстиции', kk: 'әділет органдары' },
  police: { en: 'police', ru: 'полиция', kk: 'полиция' },
  'financial-monitoring': {
    en: 'financial monitoring agency',
    ru: 'органы финансового мониторинга',
    kk: 'қаржылық мониторинг органдары',
  },
  'local-executive': { en: 'akimat (local executive)', ru: 'акимат', kk: 'әкімдік' },
};

/**
 * How each kind of authority is written in the wild, lower-case stems matched inside a name as
 * entered («Управление государственных доходов по Алмалинскому району», «УГД», «Алмалы аудандық
 * соты»). The first kind whose stem occurs wins, so the more specific come first.
 */
const AUTHORITY_SPELLINGS: readonly (readonly [AuthorityType, readonly RegExp[]])[] = [
  ['financial-monitoring', [/финансов\p{L}* мониторинг/u, /қаржы\p{L}* мониторинг/u, /financial monitoring/]],
  [
    'tax-authority',
    [
      /государственных доходов/u,
      /мемлекеттік кірістер/u,
      /налогов/u,
      /салық/u,
      /(^|[^\p{L}])(дгд|угд|кгд|мкд|мкб)([^\p{L}]|$)/u,
      /state revenue/,
      /tax (authority|office|committee|department)/,
      /(^|[^\p{L}])(src|sra)([^\p{L}]|$)/u,
    ],
  ],
  ['prosecutor', [/прокурат/u, /прокурор/u, /prosecut/]],
  ['justice-department', [/юстици/u, /әділет/u, /justice/]],
  ['police', [/полици/u, /(^|[^\p{L}])(овд|увд|двд|мвд|ішкі істер)/u, /police/, /internal affairs/]],
  ['local-executive', [/акимат/u, /әкімдік/u, /akimat/]],
  // Last: «суд» and «сот» are also parts of other words' stems only rarely, but a court's name is
  // never a tax office's.
  ['court', [/(^|[^\p{L}])суд/u, /(^|[^\p{L}])сот(ы|қа|та|тың)?([^\p{L}]|$)/u, /court/, /judge/]],
];

/**
 * The kind of an authority from its code, its label in any language, or its name as entered (the
 * usual Russian, Kazakh and English spellings and abbreviations); null when none is recognised.
 * Pure.
 *
 * @example authorityTypeOf('ДГД по г. Алматы') // 'tax-authority'
 */
export function authorityTypeOf(text: string | null | undefined): AuthorityType | null {
  return text ? authorityTypeOfText(text) : null;
}

const authorityTypeOfText = memoiseText((text: string): AuthorityType | null => {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  for (const code of AUTHORITY_TYPES) {
    const labels = AUTHORITY_TYPE_LABELS[code];
    if (t === code || Object.values(labels).some((l) => l.toLowerCase() === t)) return code;
  }
  for (const [code, stems] of AUTHORITY_SPELLINGS) if (stems.some((s) => s.test(t))) return code;
  return null;
});

/** The kinds of offender a penalty is keyed by (the ids rule packs use in `offenderKinds`). */
export const OFFENDER_KINDS = [
  'legal-entity',
  'official',
  'individual',
  'small-business',
  'medium-business',
  'large-business',
] as const;
export type OffenderKind = (typeof OFFENDER_KINDS)[number];

export const OFFENDER_KIND_LABELS: Vocabulary<OffenderKind> = {
  'legal-entity': { en: 'legal entity', ru: 'юридическое лицо', kk: 'заңды тұлға' },
  official: { en: 'official', ru: 'должностное лицо', kk: 'лауазымды адам' },
  individual: { en: 'individual', ru: 'физическое лицо', kk: 'жеке тұлға' },
  'small-business': {
    en: 'small business',
    ru: 'субъект малого предпринимательства',
    kk: 'шағын кәсіпкерлік субъектісі',
  },
  'medium-business': {
    en: 'medium business',
    ru: 'субъект среднего предпринимательства',
    kk: 'орта кәсіпкерлік субъектісі',
  },
  'large-business': {
    en: 'large business',
    ru: 'субъект крупного предпринимательства',
    kk: 'ірі кәсіпкерлік субъектісі',
  },
};

/** Short forms people write: «юрлицо», «ЮЛ», «ДЛ», «физлицо», «ФЛ», «ЗТ». */
const OFFENDER_SPELLINGS: Readonly<Record<string, OffenderKind>> = {
  юрлицо: 'legal-entity',
  юл: 'legal-entity',
  'юр. лицо': 'legal-entity',
  зт: 'legal-entity',
  'заңды тұлға': 'legal-entity',
  дл: 'official',
  'должностное лицо': 'official',
  физлицо: 'individual',
  фл: 'individual',
  'физ. лицо': 'individual',
  'жеке тұлға': 'individual',
  'legal person': 'legal-entity',
  'natural person': 'individual',
};

/**
 * The offender kind a text names: its code, its label in ru/kk/en or a usual short form,
 * case-insensitive; null when it is none of them (the caller refuses it, naming the field). Pure.
 *
 * @example offenderKindOf('Юридическое лицо') // 'legal-entity'
 */
export function offenderKindOf(text: string | null | undefined): OffenderKind | null {
  if (!text) return null;
  const t = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  for (const code of OFFENDER_KINDS) {
    if (t === code) return code;
    if (Object.values(OFFENDER_KIND_LABELS[code]).some((l) => l.toLowerCase() === t)) return code;
  }
  return OFFENDER_SPELLINGS[t] ?? null;
}
