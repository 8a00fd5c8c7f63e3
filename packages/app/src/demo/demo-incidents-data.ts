import {
  addDays,
  ACTION_TYPES,
  calendarDate,
  epochDay,
  seededRandom,
  type ActionType,
  type CalendarDate,
} from '@civic/core';
import { csvField, INCIDENT_CSV_HEADER } from '@civic/formats';
import { DEMO_DAYS as D } from './demo-days.ts';

/**
 * The demo's incidents as an incident CSV (docs/formats.md): the 2020–21 events of
 * legal-brief.md §2 — the autumn 2020 notices against about thirteen groups, the January 2021
 * protocols and rulings, the 4 February withdrawal and the April court decisions — and around
 * them a background of scattered, generated, clearly illustrative incidents 2016–2025 (a few
 * dozen a year), so that wave detection has a background rate to measure the campaign against.
 * Every 2020–21 row has the legal basis CoAO 460-1, written as a Kazakh monitor writes it: «ст. 460-1
 * КоАП РК» — without a part, as the pack has none for it (legal-brief §1.4: part numbers unknown).
 * Days come from demo-days.ts, the one source the demo cases use too.
 */
const HRW = 'https://www.hrw.org/news/2021/01/20/kazakh-authorities-target-rights-groups-coordinated-attack';
const RFE_DROP = 'https://rferl.org/amp/kazakh-authorities-drop-charges-ngos-outcry/31087863.html';
const COURT = 'https://www.pakistantelegraph.com/news/268548211/kazakhstan-ngos-let-off-tax-penalty-hook';
const OMCT =
  'https://www.omct.org/en/resources/urgent-interventions/kazakhstan-restrictions-to-the-freedom-of-association-of-kibhr-and-ili-foundation';
const CABAR =
  'https://cabar.asia/en/kazakhstan-steps-up-pressure-on-human-rights-and-independent-organisations';
const ACCA = 'https://acca.media/en/kazakhstan-human-rights-defenders-won-the-war-with-tax-authorities';
const DIPLOMAT =
  'https://thediplomat.com/2021/02/pressure-pushes-kazakh-tax-authorities-to-walk-back-fines-suspensions';
const ADIL_SOZ = 'https://adilsoz.kz/en/262-violations/monitoring-238.html';
// Authorities as a Kazakh monitor writes them down (domain/glossary.md).
const SRC = 'Комитет государственных доходов Министерства финансов РК';

const ECHO = 'Echo';
const EK = 'Erkindik Kanaty';
const KIBHR = 'Kazakhstan International Bureau for Human Rights';
const ILI = 'International Legal Initiative';
const LMC = 'Legal Media Center';
const MEDIANET = 'MediaNet International Journalism Centre';
const KADIR = 'Kadir Kassiet';

/** date, organisation, place, authority, action, legal basis, MCI, months, outcome, source, notes */
type Row = readonly [
  string,
  string,
  string,
  string,
  ActionType,
  string,
  number | null,
  number | null,
  string,
  string,
  string,
];

const unnamed = (n: number, place: string, date: string): Row => [
  date,
  `Правозащитная организация (название не опубликовано) ${n}`,
  place,
  SRC,
  'notice',
  'ст. 460-1 КоАП РК',
  null,
  null,
  '',
  DIPLOMAT,
  'одна из примерно 13 организаций, получивших уведомления; название, город и день иллюстративные',
];

export const CAMPAIGN_2020_21: readonly Row[] = [
  // Autumn 2020: notices to at least 13 groups across the country (ACCA names seven; KIBHR's
  // first notices came on 26 Nov). Days other than KIBHR's are illustrative.
  [
    D.echo.notice,
    ECHO,
    'Almaty',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    ACCA,
    'день иллюстративный (осень 2020 г.)',
  ],
  [
    D.ili.notice,
    ILI,
    'Almaty',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    ACCA,
    'день иллюстративный (осень 2020 г.)',
  ],
  [
    D.erkindik.notice,
    EK,
    'Nur-Sultan',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    ACCA,
    'день иллюстративный (осень 2020 г.)',
  ],
  [
    D.lmc.notice,
    LMC,
    'Nur-Sultan',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    ACCA,
    'город и день иллюстративные',
  ],
  [
    D.medianet.notice,
    MEDIANET,
    'Almaty',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    ACCA,
    'город и день иллюстративные',
  ],
  [
    D.kadir.notice,
    KADIR,
    'Almaty',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    ACCA,
    'город и день иллюстративные',
  ],
  [
    D.kibhr.notice,
    KIBHR,
    'Almaty',
    SRC,
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты 4 февраля 2021 г.',
    CABAR,
    'первые уведомления; бухгалтера вызвали в тот же вечер',
  ],
  unnamed(1, 'Oral', '2020-11-24'),
  unnamed(2, 'Shymkent', '2020-11-25'),
  unnamed(3, 'Karaganda', '2020-11-12'),
  unnamed(4, 'Ust-Kamenogorsk', '2020-11-13'),
  unnamed(5, 'Aktobe', '2020-11-19'),
  unnamed(6, 'Pavlodar', '2020-11-24'),
  [
    D.kibhr.notice,
    KIBHR,
    'Almaty',
    SRC,
    'summons',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    CABAR,
    'бухгалтера вызвали вечером того же дня, когда пришли первые уведомления',
  ],
  // Protocols: one per alleged inaccuracy (OMCT); counts derived from the fines (legal-brief
  // §1.4); Erkindik Kanaty's proceedings opened in 2020, the others in 2021. Days illustrative.
  [
    D.erkindik.protocol,
    EK,
    'Nur-Sultan',
    'Департамент государственных доходов по городу Нур-Султан',
    'protocol',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    HRW,
    'производство начато в 2020 г. (МРП 2 778); день иллюстративный',
  ],
  [
    D.echo.protocol,
    ECHO,
    'Almaty',
    'Управление государственных доходов по Алмалинскому району г. Алматы',
    'protocol',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    OMCT,
    'протокол 1 из 2; день иллюстративный',
  ],
  [
    D.echo.protocol,
    ECHO,
    'Almaty',
    'Управление государственных доходов по Алмалинскому району г. Алматы',
    'protocol',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    OMCT,
    'протокол 2 из 2; день иллюстративный',
  ],
  ...[1, 2].map((k): Row => [
    D.ili.protocol,
    ILI,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'protocol',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    OMCT,
    `протокол ${k} из 2; день иллюстративный`,
  ]),
  ...[1, 2, 3, 4].map((k): Row => [
    D.kibhr.protocol,
    KIBHR,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'protocol',
    'ст. 460-1 КоАП РК',
    null,
    null,
    '',
    OMCT,
    `протокол ${k} из 4; день иллюстративный`,
  ]),
  // The January 2021 rulings (legal-brief §2.1): fines, and suspensions where ordered.
  [
    D.echo.ruling,
    ECHO,
    'Almaty',
    'Управление государственных доходов по Алмалинскому району г. Алматы',
    'fine',
    'ст. 460-1 КоАП РК',
    400,
    3,
    'снято 4 февраля 2021 г.; отменено 6 апреля 2021 г.',
    ADIL_SOZ,
    '1 166 800 тенге; приостановление на 3 месяца',
  ],
  [
    D.erkindik.ruling,
    EK,
    'Nur-Sultan',
    'Департамент государственных доходов по городу Нур-Султан',
    'fine',
    'ст. 460-1 КоАП РК',
    100,
    null,
    'снято 4 февраля 2021 г.',
    HRW,
    '277 800 тенге; без приостановления',
  ],
  [
    D.kibhr.ruling,
    KIBHR,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'fine',
    'ст. 460-1 КоАП РК',
    800,
    3,
    'снято 4 февраля 2021 г.; отменено 6 апреля 2021 г.',
    OMCT,
    '2 333 600 тенге; приостановление до 15 апреля 2021 г.',
  ],
  [
    D.ili.ruling,
    ILI,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'fine',
    'ст. 460-1 КоАП РК',
    400,
    3,
    'снято 4 февраля 2021 г.; отменено 5 апреля 2021 г.',
    OMCT,
    '1 166 800 тенге; приостановление до 15 апреля 2021 г.',
  ],
  [
    D.echo.ruling,
    ECHO,
    'Almaty',
    'Управление государственных доходов по Алмалинскому району г. Алматы',
    'suspension',
    'ст. 460-1 КоАП РК',
    null,
    3,
    'отменено 4 февраля 2021 г.',
    ADIL_SOZ,
    'деятельность приостановлена на 3 месяца',
  ],
  [
    D.kibhr.ruling,
    KIBHR,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'suspension',
    'ст. 460-1 КоАП РК',
    null,
    2.7,
    'отменено 4 февраля 2021 г.',
    OMCT,
    'деятельность приостановлена до 15 апреля 2021 г.',
  ],
  [
    D.ili.ruling,
    ILI,
    'Almaty',
    'Департамент государственных доходов по городу Алматы, районное управление',
    'suspension',
    'ст. 460-1 КоАП РК',
    null,
    2.7,
    'отменено 4 февраля 2021 г.',
    OMCT,
    'деятельность приостановлена до 15 апреля 2021 г.',
  ],
  [
    D.lmc.summons,
    LMC,
    'Nur-Sultan',
    'Управление государственных доходов',
    'summons',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'снято 4 февраля 2021 г.',
    HRW,
    'вызов (HRW, 20 января 2021 г.); день иллюстративный',
  ],
  [
    D.medianet.summons,
    MEDIANET,
    'Almaty',
    'Управление государственных доходов',
    'summons',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'снято 4 февраля 2021 г.',
    HRW,
    'вызов (HRW, 20 января 2021 г.); день иллюстративный',
  ],
  [
    D.medianet.warning,
    MEDIANET,
    'Almaty',
    'Управление государственных доходов',
    'notice',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'снято 4 февраля 2021 г.',
    HRW,
    'предупреждение о возможном приостановлении проекта Factcheck.kz (KazTAG; ACCA)',
  ],
  // 4 February 2021: six NGOs say all charges are dropped and fines and suspensions cancelled.
  ...[KIBHR, EK, MEDIANET, ILI, LMC, ECHO].map((o): Row => [
    D.withdrawal,
    o,
    o === EK || o === LMC ? 'Nur-Sultan' : 'Almaty',
    SRC,
    'withdrawal',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'обвинения сняты; штрафы и приостановления отменены',
    RFE_DROP,
    'официальных документов пока нет (RFE/RL)',
  ]),
  // 5–6 April 2021: a court reverses the January fines.
  [
    D.ili.reversal,
    ILI,
    'Almaty',
    'Специализированный межрайонный административный суд г. Алматы',
    'court-decision',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'штраф отменён',
    COURT,
    '',
  ],
  [
    D.kibhr.reversal,
    KIBHR,
    'Almaty',
    'Специализированный межрайонный административный суд г. Алматы',
    'court-decision',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'штраф отменён',
    COURT,
    '',
  ],
  [
    D.echo.reversal,
    ECHO,
    'Almaty',
    'Специализированный межрайонный административный суд г. Алматы',
    'court-decision',
    'ст. 460-1 КоАП РК',
    null,
    null,
    'штраф отменён',
    COURT,
    '',
  ],
];

const BACKGROUND_PLACES = [
  'Almaty',
  'Astana',
  'Shymkent',
  'Karaganda',
  'Aktobe',
  'Taraz',
  'Pavlodar',
  'Ust-Kamenogorsk',
  'Semey',
  'Uralsk',
  'Atyrau',
  'Kostanay',
  'Kyzylorda',
  'Aktau',
  'Petropavl',
  'Kokshetau',
  'Taldykorgan',
  'Turkistan',
  'Zhezkazgan',
  'Konaev',
  'Temirtau',
  'Ekibastuz',
  'Zhanaozen',
  'Rudny',
];
const BACKGROUND_BASES = [
  'ст. 460-1 КоАП РК',
  'ст. 460-1 КоАП РК',
  'ч. 1 ст. 489 КоАП РК',
  'ч. 10 ст. 489 КоАП РК',
  'ст. 488 КоАП РК',
  'ст. 453 КоАП РК',
  'ст. 434 КоАП РК',
  'ст. 174 УК РК',
  'ст. 403 УК РК',
  'ст. 405 УК РК',
  'ст. 29 НК РК',
  '',
];
const BACKGROUND_AUTHORITIES = [
  'Департамент государственных доходов',
  'Департамент юстиции',
  'Прокуратура',
  'Полиция',
  'Районный суд',
  'Департамент полиции',
];

/**
 * Scattered illustrative incidents 2016–2025: about three dozen a year, spread over 60 groups,
 * two dozen towns, the action vocabulary and a dozen legal bases, CoAO 460-1 among them at the
 * background's rate (seeded: the same every time).
 */
export function demoBackground(seed = 2016): Row[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[random.int(values.length)] as T;
  const start = calendarDate('2016-01-01');
  const days = epochDay(calendarDate('2025-12-31')) - epochDay(start) + 1;
  const actions = ACTION_TYPES.filter((a) => a !== 'other');
  const rows: Row[] = [];
  for (let n = 0; n < 360; n++) {
    const date: CalendarDate = addDays(start, random.int(days));
    const basis = pick(BACKGROUND_BASES);
    const action = pick(actions);
    const drawn = action === 'fine' ? 10 * (5 + random.int(46)) : null;
    // Under Art. 460-1 the pack's amounts: 100 MCI (failure to notify) or 200 MCI per protocol
    // (inaccurate information), and a suspension of at most 3 months (the only tier that has one).
    const under4601 = basis.includes('460-1');
    const mci =
      drawn !== null && under4601 ? (drawn < 150 ? 100 : 200 * Math.min(4, Math.round(drawn / 200))) : drawn;
    const months = action === 'suspension' ? 1 + random.int(6) : null;
    rows.push([
      date,
      `Иллюстративная организация ${1 + random.int(60)}`,
      pick(BACKGROUND_PLACES),
      pick(BACKGROUND_AUTHORITIES),
      action,
      basis,
      mci,
      months !== null && under4601 ? Math.min(months, 3) : months,
      '',
      '',
      'иллюстративный фон (сгенерировано, не задокументированное событие)',
    ]);
  }
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The demo incidents as CSV text in the import format. */
export function demoIncidentsCsv(): string {
  const line = ([date, org, place, authority, action, basis, mci, months, outcome, source, notes]: Row) =>
    [
      date,
      org,
      place,
      '',
      '',
      authority,
      action,
      basis,
      mci === null ? '' : String(mci),
      months === null ? '' : String(months),
      outcome,
      source,
      notes,
    ]
      .map(csvField)
      .join(',');
  return `${INCIDENT_CSV_HEADER}${[...CAMPAIGN_2020_21, ...demoBackground()].map(line).join('\r\n')}\r\n`;
}
