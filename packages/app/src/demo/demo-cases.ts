import type { CaseActionInput, CaseFileInput } from '@civic/formats';
import { calendarDate as d, formatShortDate } from '@civic/core';
import { listFilingRows } from '@civic/store';
import { createCase } from '../claims/cases.ts';
import { DEMO_DAYS as D } from './demo-days.ts';
import type { DemoStep } from './seed-demo.ts';

/**
 * The 2020–21 cases of legal-brief.md §2 as data. Facts the brief confirms [C] are given as such;
 * what it does not give — the exact periods alleged, the days proceedings began, the notices' days
 * for most groups — is illustrative: such actions carry `illustrative: true` and a note saying what
 * is assumed. Proceedings dates follow the brief's derivation (§1.4 [D]): Erkindik Kanaty's fine
 * uses the 2020 MCI, the others the 2021 MCI.
 */
// Authorities as a Kazakh organisation writes them down (domain/glossary.md, "Authorities and courts").
const SRC = 'Комитет государственных доходов Министерства финансов РК';
const WITHDRAWAL: CaseActionInput = {
  kind: 'withdrawal',
  servedOn: d(D.withdrawal),
  authority: SRC,
  notes:
    'Шесть организаций сообщили 4 февраля 2021 г., что все обвинения сняты, штрафы и приостановления отменены; официальных документов пока нет (RFE/RL; OMCT, 22 февраля 2021 г.).',
};
const reversal = (on: string, source: string): CaseActionInput => ({
  kind: 'court-decision',
  rulingOn: d(on),
  authority: 'Специализированный межрайонный административный суд г. Алматы',
  place: 'Almaty',
  notes: `Суд отменил январский штраф: организация может возобновить работу и ничего не должна (${source}).`,
});
const notice = (on: string, place: string, note: string): CaseActionInput => ({
  kind: 'notice',
  servedOn: d(on),
  authority: SRC,
  place,
  illustrative: true,
  notes: `Уведомление о предполагаемых ошибках в отчётах об иностранном финансировании (середина октября – ноябрь 2020 г., RFE/RL; CAMR); ${note}`,
});
/**
 * The rulings' numbers and the officials who signed them: ILLUSTRATIVE (no public source gives
 * them), in digits and Cyrillic initials so that every language prints them as they are; the
 * objection marks each as illustrative in the document's language (the actions are illustrative).
 */
const RULING_PAPERS = {
  echo: { number: '15-01/0047', official: 'А. Б. Оспанов' },
  erkindik: { number: '18-01/0012', official: 'Н. С. Сериков' },
  kibhr: { number: '25-01/0103', official: 'Е. М. Ахметов' },
  ili: { number: '25-01/0104', official: 'К. Т. Байтасов' },
} as const;
const ILLUSTRATIVE_OFFENCE =
  'Вменяемый период и дата совершения иллюстративны: известно лишь, что часть отчётов относилась к 2018 году (CAMR).';

export const DEMO_CASES: readonly (CaseFileInput & { readonly org: string })[] = [
  {
    org: 'echo',
    title: 'Претензии органов госдоходов 2020–2021 (Echo)',
    pack: 'kz',
    openedOn: d(D.echo.notice),
    illustrative: true,
    links: [],
    notes:
      'Эхо, мониторинг выборов, Алматы. Постановление от 15 января 2021 г.; обвинения сняты 4 февраля 2021 г.; отменено судом 6 апреля 2021 г.',
    actions: [
      notice(D.echo.notice, 'Almaty', 'день иллюстративный.'),
      {
        kind: 'protocol',
        proceedingsStartedOn: d(D.echo.protocol),
        authority: 'Департамент государственных доходов по городу Алматы',
        office: 'Управление государственных доходов по Алмалинскому району',
        place: 'Almaty',
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'расхождения в показателях отчёта о поступлении и расходовании',
          reference: 'отчёт по форме F.018.00 за 2018 год',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        notes: `Два протокола, по одному на каждое вменяемое расхождение (выведено из суммы штрафа); день начала производства иллюстративный (2021 год — по применённому МРП). ${ILLUSTRATIVE_OFFENCE}`,
      },
      {
        kind: 'ruling',
        rulingOn: d(D.echo.ruling),
        servedOn: d(D.echo.ruling),
        ...RULING_PAPERS.echo,
        authority: 'Департамент государственных доходов по городу Алматы',
        office: 'Управление государственных доходов по Алмалинскому району',
        place: 'Almaty',
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'расхождения в показателях отчёта о поступлении и расходовании',
          reference: 'отчёт по форме F.018.00 за 2018 год',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
        notes:
          'Штраф 400 МРП = 1 166 800 тенге и приостановление деятельности на 3 месяца, Управление государственных доходов по Алмалинскому району г. Алматы (Адил Соз; KazTAG; HRW). Вручение в день вынесения постановления иллюстративно.',
      },
      WITHDRAWAL,
      reversal(D.echo.reversal, 'Eurasianet'),
    ],
  },
  {
    org: 'erkindik',
    title: 'Претензии органов госдоходов 2020–2021 (Erkindik Kanaty)',
    pack: 'kz',
    openedOn: d(D.erkindik.notice),
    illustrative: true,
    links: [],
    notes:
      'Еркіндік Қанаты («Крылья свободы»), Нур-Султан; руководитель Елена Швецова; юристы Ольга Эннс и Роман Реймер.',
    actions: [
      notice(D.erkindik.notice, 'Nur-Sultan', 'день иллюстративный.'),
      {
        kind: 'protocol',
        proceedingsStartedOn: d(D.erkindik.protocol),
        authority: 'Департамент государственных доходов по городу Нур-Султан',
        place: 'Nur-Sultan',
        article: '460-1',
        tier: 'failure-to-notify',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'несвоевременное уведомление о получении средств из иностранного источника',
          reference: 'уведомление по форме F.017.00',
          committedOn: d('2018-06-15'),
          alleges: 'late',
        },
        notes: `Производство начато в 2020 году — по применённому МРП (277 800 / 100 = 2 778); день иллюстративный. ${ILLUSTRATIVE_OFFENCE}`,
      },
      {
        kind: 'ruling',
        rulingOn: d(D.erkindik.ruling),
        servedOn: d(D.erkindik.ruling),
        ...RULING_PAPERS.erkindik,
        authority: 'Департамент государственных доходов по городу Нур-Султан',
        place: 'Nur-Sultan',
        article: '460-1',
        tier: 'failure-to-notify',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'несвоевременное уведомление о получении средств из иностранного источника',
          reference: 'уведомление по форме F.017.00',
          committedOn: d('2018-06-15'),
          alleges: 'late',
        },
        penalty: { mci: 100, amount: '277800', currency: 'KZT', suspensionMonths: 0 },
        notes:
          'Штраф 100 МРП = 277 800 тенге, без приостановления (HRW; KazTAG; ACCA); рассмотрено в кабинете заместителя руководителя департамента. Вручение в день вынесения постановления иллюстративно.',
      },
      WITHDRAWAL,
    ],
  },
  {
    org: 'kibhr',
    title: 'Претензии органов госдоходов 2020–2021 (KIBHR)',
    pack: 'kz',
    openedOn: d(D.kibhr.notice),
    illustrative: true,
    links: [],
    notes:
      'Казахстанское международное бюро по правам человека и соблюдению законности, Алматы. Первые уведомления 26 ноября 2020 г.; постановление 25 января 2021 г.; отменено судом 6 апреля 2021 г.',
    actions: [
      {
        kind: 'notice',
        servedOn: d(D.kibhr.notice),
        authority: SRC,
        place: 'Almaty',
        notes: 'КМБПЧ получает первые уведомления (CABAR).',
      },
      {
        kind: 'summons',
        servedOn: d(D.kibhr.notice),
        hearingOn: d(D.kibhr.notice),
        authority: SRC,
        place: 'Almaty',
        notes: 'Бухгалтера вызывают вечером того же дня (CABAR).',
      },
      {
        kind: 'ruling',
        rulingOn: d(D.kibhr.ruling),
        servedOn: d(D.kibhr.ruling),
        ...RULING_PAPERS.kibhr,
        proceedingsStartedOn: d(D.kibhr.protocol),
        authority: 'Департамент государственных доходов по городу Алматы',
        office: 'районное управление',
        place: 'Almaty',
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        illustrative: true,
        suspendedUntil: d('2021-04-15'),
        offence: {
          what: 'недостоверные сведения в отчётах об иностранном финансировании (несколько протоколов)',
          reference: 'отчёты по форме F.018.00',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 800, amount: '2333600', currency: 'KZT' },
        notes: `Штраф 800 МРП = 2 333 600 тенге и приостановление до 15 апреля 2021 г. по нескольким протоколам о «недостоверных сведениях» (OMCT; KazTAG); протоколов четыре (выведено из суммы штрафа). День начала производства иллюстративный. ${ILLUSTRATIVE_OFFENCE}`,
      },
      WITHDRAWAL,
      reversal(D.kibhr.reversal, 'Eurasianet'),
    ],
  },
  {
    org: 'ili',
    title: 'Претензии органов госдоходов 2020–2021 (International Legal Initiative)',
    pack: 'kz',
    openedOn: d(D.ili.notice),
    illustrative: true,
    links: [],
    notes:
      'Международная правовая инициатива, Алматы. Постановление 25 января 2021 г.; отменено судом 5 апреля 2021 г.',
    actions: [
      notice(D.ili.notice, 'Almaty', 'день иллюстративный.'),
      {
        kind: 'ruling',
        rulingOn: d(D.ili.ruling),
        servedOn: d(D.ili.ruling),
        ...RULING_PAPERS.ili,
        proceedingsStartedOn: d(D.ili.protocol),
        authority: 'Департамент государственных доходов по городу Алматы',
        office: 'районное управление',
        place: 'Almaty',
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        illustrative: true,
        suspendedUntil: d('2021-04-15'),
        offence: {
          what: 'недостоверные сведения в отчётах об иностранном финансировании',
          reference: 'отчёты по форме F.018.00',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 400, amount: '1166800', currency: 'KZT' },
        notes: `Штраф 400 МРП = 1 166 800 тенге и приостановление до 15 апреля 2021 г. (OMCT; KazTAG); протоколов два (выведено из суммы штрафа). День начала производства иллюстративный. ${ILLUSTRATIVE_OFFENCE}`,
      },
      WITHDRAWAL,
      reversal(D.ili.reversal, 'Eurasianet'),
    ],
  },
  {
    org: 'lmc',
    title: 'Претензии органов госдоходов 2020–2021 (Legal Media Center)',
    pack: 'kz',
    openedOn: d(D.lmc.notice),
    illustrative: true,
    links: [],
    notes:
      'Правовой медиацентр (город не подтверждён). Вызов в районное управление госдоходов (HRW, 20 января 2021 г.); в числе шести организаций, с которых 4 февраля 2021 г. сняты обвинения.',
    actions: [
      notice(D.lmc.notice, 'Nur-Sultan', 'город и день иллюстративные.'),
      {
        kind: 'summons',
        servedOn: d(D.lmc.summons),
        authority: 'Управление государственных доходов',
        place: 'Nur-Sultan',
        illustrative: true,
        notes: 'Вызов (HRW, 20 января 2021 г.); день и город иллюстративные.',
      },
      WITHDRAWAL,
    ],
  },
  {
    org: 'medianet',
    title: 'Претензии органов госдоходов 2020–2021 (MediaNet)',
    pack: 'kz',
    openedOn: d(D.medianet.notice),
    illustrative: true,
    links: [],
    notes:
      'Международный центр журналистики MediaNet (Factcheck.kz), город не подтверждён. Вызов (HRW, 20 января 2021 г.); предупреждение о приостановлении 29 января 2021 г.; обвинения сняты 4 февраля 2021 г.',
    actions: [
      notice(D.medianet.notice, 'Almaty', 'город и день иллюстративные.'),
      {
        kind: 'summons',
        servedOn: d(D.medianet.summons),
        authority: 'Управление государственных доходов',
        place: 'Almaty',
        illustrative: true,
        notes: 'Вызов (HRW, 20 января 2021 г.); день и город иллюстративные.',
      },
      {
        kind: 'notice',
        servedOn: d(D.medianet.warning),
        authority: 'Управление государственных доходов',
        place: 'Almaty',
        notes: 'MediaNet предупреждает, что проект Factcheck.kz может быть приостановлен (KazTAG; ACCA).',
      },
      WITHDRAWAL,
    ],
  },
  {
    org: 'kadir',
    title: 'Уведомление органов госдоходов 2020 (Kadir Kassiet)',
    pack: 'kz',
    openedOn: d(D.kadir.notice),
    illustrative: true,
    links: [],
    notes:
      'Кадыр Касиет получила уведомление осенью 2020 г. (ACCA); город, орган и исход не известны, дело остаётся открытым.',
    actions: [
      {
        ...notice(D.kadir.notice, 'Almaty', 'день, город и вменяемое нарушение иллюстративные.'),
        article: '460-1',
        tier: 'failure-to-notify',
        offender: 'legal-entity',
        offence: {
          what: 'не подано уведомление о получении средств из иностранного источника',
          reference: 'уведомление по форме F.017.00',
          committedOn: d('2018-09-10'),
          alleges: 'not-filed',
        },
      },
    ],
  },
];

/** Which filing of the demo ledger an allegation concerns: the last submitted one of a form whose period ended in a year. */
const CONCERNS: Readonly<Record<string, { form: string; year: string }>> = {
  echo: { form: 'F.018.00', year: '2018' },
  erkindik: { form: 'F.017.00', year: '2018' },
  kibhr: { form: 'F.018.00', year: '2018' },
  ili: { form: 'F.018.00', year: '2018' },
  kadir: { form: 'F.017.00', year: '2018' },
};

/**
 * Ties a demo case to the filing its allegation concerns, when the filings step made one: the case
 * links it, the allegation names it, and the offence day becomes the filing's own day (its
 * submission for "inaccurate", its due day for "late" or "not filed") — still illustrative.
 */
async function tieToFiling(
  ctx: Parameters<DemoStep['run']>[0],
  org: string,
  organisationId: string,
  c: CaseFileInput,
): Promise<CaseFileInput> {
  const want = CONCERNS[org];
  if (!want) return c;
  const rows = (await listFilingRows(ctx.store.db, { organisation: organisationId }))
    .filter((f) => f.form === want.form && f.submission !== null && f.periodTo.startsWith(want.year))
    .sort((a, b) => (a.periodTo < b.periodTo ? -1 : 1));
  const f = rows.at(-1);
  if (!f?.submission) return c;
  const content = JSON.parse(f.content) as { obligation?: { dueOn?: string } };
  const submittedOn = d(f.submission.submittedOn);
  const dueOn = content.obligation?.dueOn ? d(content.obligation.dueOn) : submittedOn;
  // As the organisation writes it: the form, the period in words, the incoming number; no internal id.
  const period = `${formatShortDate('ru', f.periodFrom)} – ${formatShortDate('ru', f.periodTo)}`;
  const reference = `${f.form} за период ${period} (входящий № ${f.submission.incomingNumber})`;
  const links: CaseFileInput['links'] = [
    ...c.links,
    { kind: 'filing', targetId: f.id, note: 'отчёт, к которому относится вменяемое нарушение (демо-связь)' },
  ];
  const actions = c.actions.map((a) =>
    a.offence
      ? {
          ...a,
          offence: {
            ...a.offence,
            reference,
            committedOn: a.offence.alleges === 'inaccurate' ? submittedOn : dueOn,
          },
        }
      : a,
  );
  return { ...c, links, actions };
}

export const seedDemoCases: DemoStep = {
  name: 'cases',
  async run(ctx, state) {
    let cases = 0;
    let actions = 0;
    for (const c of DEMO_CASES) {
      const orgId = state.organisations.get(c.org);
      if (!orgId) continue;
      const status = c.actions.some((a) => a.kind === 'withdrawal' || a.kind === 'court-decision')
        ? 'closed'
        : 'open';
      const made = await createCase(ctx, await tieToFiling(ctx, c.org, orgId, c), {
        organisation: orgId,
        status,
      });
      if (!made.ok) throw new Error(`demo case ${c.title}: ${made.error.message}`);
      cases++;
      actions += made.value.actions.length;
    }
    return { cases, caseActions: actions };
  },
};
