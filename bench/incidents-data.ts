// Generated incident data for bench/incidents.bench.ts: seeded, so every run imports the same rows.
import { ACTION_TYPES, listPlaces, type RandomSource } from '@civic/core';
import type { SearchIncidentsInput } from '@civic/app';

const QUERIES = 400;

const BASES = [
  'CoAO 460-1',
  'CoAO 460-1 part 2',
  'CoAO 460-1 part 3',
  'CoAO 489',
  'CoAO 488',
  'CoAO 453',
  'Criminal Code 174',
  'Criminal Code 405',
  'Tax Code 29',
  'Law on NCO 41',
  'CoAO 102',
  'CoAO 434',
];
const AUTHORITIES = [
  'State Revenue Department',
  'Department of Justice',
  "Prosecutor's Office",
  'Police',
  'Anti-Corruption Agency',
  'District Court',
  'City Court',
  'Департамент государственных доходов',
  'Прокуратура',
];
const WORDS = [
  'report',
  'discrepancy',
  'grant',
  'foreign',
  'funding',
  'notification',
  'late',
  'audit',
  'protocol',
  'appeal',
  'hearing',
  'lawyer',
  'office',
  'accountant',
  'statement',
  'election',
  'monitoring',
  'journalist',
  'website',
  'training',
  'отчёт',
  'расхождение',
  'грант',
  'иностранное',
  'финансирование',
  'уведомление',
  'проверка',
  'протокол',
  'жалоба',
  'заседание',
  'адвокат',
  'бухгалтер',
  'выборы',
  'мониторинг',
  'журналист',
  'есеп',
  'тексеру',
  'сот',
];
const OUTCOMES = ['', '', 'paid', 'appealed', 'dropped', 'reversed on appeal', 'pending', 'обжаловано'];
const ORG_STEMS = [
  'Foundation',
  'Bureau',
  'Centre',
  'Initiative',
  'Union',
  'Society',
  'Fund',
  'Institute',
  'Фонд',
  'Бюро',
  'Центр',
  'Қоры',
];
const ORG_WORDS = [
  'Echo',
  'Liberty',
  'Justice',
  'Dignity',
  'Voice',
  'Steppe',
  'Horizon',
  'Bridge',
  'Ray',
  'Spring',
  'Ақиқат',
  'Свобода',
  'Правда',
  'Диалог',
  'Сана',
  'Әділ',
];

const pick = <T>(r: RandomSource, xs: readonly T[]): T => xs[r.int(xs.length)] as T;
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function organisations(r: RandomSource): string[] {
  return Array.from({ length: 5000 }, (_, i) => `${pick(r, ORG_WORDS)} ${pick(r, ORG_STEMS)} ${i + 1}`);
}

/** The CSV of N incidents over 2010–2025 (seeded: the same every run). */
export function generateCsv(n: number, r: RandomSource, orgs: readonly string[]): Uint8Array {
  const places = listPlaces()
    .filter((p) => p.kind === 'city')
    .map((p) => p.name);
  const header =
    'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n';
  const parts: string[] = [header];
  const start = Date.UTC(2010, 0, 1);
  for (let i = 0; i < n; i++) {
    const date = new Date(start + r.int(16 * 365) * 86_400_000).toISOString().slice(0, 10);
    const action = pick(r, ACTION_TYPES);
    const penalty = action === 'fine' ? String(50 * (1 + r.int(16))) : '';
    const notes = Array.from({ length: 4 + r.int(8) }, () => pick(r, WORDS)).join(' ');
    parts.push(
      `${date},${csvField(pick(r, orgs))},${pick(r, places)},,,${csvField(pick(r, AUTHORITIES))},${action},${pick(r, BASES)},${penalty},${action === 'suspension' ? 1 + r.int(6) : ''},${pick(r, OUTCOMES)},https://example.org/i/${i},${notes}\n`,
    );
  }
  return new TextEncoder().encode(parts.join(''));
}

export interface BenchQuery {
  readonly kind: string;
  readonly input: SearchIncidentsInput;
}

/** A mix of full-text terms (Latin, Cyrillic, prefixes, phrases, names) and filters. */
export function queries(r: RandomSource, orgs: readonly string[]): BenchQuery[] {
  const places = listPlaces()
    .filter((p) => p.kind === 'city')
    .map((p) => p.name);
  const out: BenchQuery[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const year = 2010 + r.int(16);
    const kinds: [string, SearchIncidentsInput][] = [
      ['word', { q: pick(r, WORDS) }],
      ['two words', { q: `${pick(r, WORDS)} ${pick(r, WORDS)}` }],
      ['prefix', { q: `${pick(r, WORDS).slice(0, 4)}*` }],
      ['organisation name', { q: pick(r, orgs) }],
      ['word+place', { q: pick(r, WORDS), place: pick(r, places) }],
      [
        'word+action+year',
        { q: pick(r, WORDS), action: pick(r, ACTION_TYPES), from: `${year}-01-01`, to: `${year}-12-31` },
      ],
      ['basis+quarter', { legalBasis: pick(r, BASES), from: `${year}-03-01`, to: `${year}-05-31` }],
      ['organisation filter', { organisation: pick(r, orgs) }],
      ['place+action', { place: pick(r, places), action: pick(r, ACTION_TYPES) }],
      ['phrase+basis', { q: `"${pick(r, WORDS)} ${pick(r, WORDS)}"`, legalBasis: 'CoAO 460-1' }],
    ];
    const [kind, input] = pick(r, kinds);
    out.push({ kind, input: { ...input, limit: 20, viewer: 'all' } });
  }
  return out;
}
