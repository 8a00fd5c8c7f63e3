import type { CaseActionInput, CaseFileInput } from '@civic/formats';
import { calendarDate as d } from '@civic/core';
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
    'Six NGOs said on 4 Feb 2021 that all charges were dropped and fines and suspensions cancelled; no official documents yet (RFE/RL; OMCT 22 Feb 2021) [C].',
};
const reversal = (on: string, source: string): CaseActionInput => ({
  kind: 'court-decision',
  rulingOn: d(on),
  authority: 'Специализированный межрайонный административный суд г. Алматы',
  place: 'Almaty',
  notes: `The court reversed the January fine: the organisation may resume work and owes nothing (${source}) [C].`,
});
const notice = (on: string, place: string, note: string): CaseActionInput => ({
  kind: 'notice',
  servedOn: d(on),
  authority: SRC,
  place,
  illustrative: true,
  notes: `Notice of alleged errors in the foreign-funding declaration forms (mid-Oct – Nov 2020, RFE/RL; CAMR) [C]; ${note}`,
});
const ILLUSTRATIVE_OFFENCE =
  'The period alleged and the date of commission are illustrative: the brief says only that some reports dated back to 2018 (CAMR) [U].';

export const DEMO_CASES: readonly (CaseFileInput & { readonly org: string })[] = [
  {
    org: 'echo',
    title: 'Претензии органов госдоходов 2020–2021 (Echo)',
    pack: 'kz',
    openedOn: d(D.echo.notice),
    illustrative: true,
    links: [],
    notes:
      'Echo, election monitoring, Almaty. Ruling of 15 Jan 2021 [C]; dropped 4 Feb 2021; court reversal 6 Apr 2021 [C].',
    actions: [
      notice(D.echo.notice, 'Almaty', 'the day is illustrative.'),
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
          reference: 'F.018.00 report for 2018',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        notes: `Two protocols, one per alleged inaccuracy [D]; the day proceedings began is illustrative (in 2021 by the MCI used, §1.4 [D]). ${ILLUSTRATIVE_OFFENCE}`,
      },
      {
        kind: 'ruling',
        rulingOn: d(D.echo.ruling),
        servedOn: d(D.echo.ruling),
        authority: 'Департамент государственных доходов по городу Алматы',
        office: 'Управление государственных доходов по Алмалинскому району',
        place: 'Almaty',
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'расхождения в показателях отчёта о поступлении и расходовании',
          reference: 'F.018.00 report for 2018',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
        notes:
          'Fined 400 MCI = 1,166,800 tenge and suspended for 3 months by the State Revenue Department of Almaly district, Almaty (Adil Soz; KazTAG; HRW) [C]. Service on the day of the ruling is illustrative.',
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
      'Erkindik Kanaty ("Wings of Liberty"), Nur-Sultan; head Elena Shvetsova; lawyers Olga Enns and Roman Reimer [C].',
    actions: [
      notice(D.erkindik.notice, 'Nur-Sultan', 'the day is illustrative.'),
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
          reference: 'F.017.00 notification',
          committedOn: d('2018-06-15'),
          alleges: 'late',
        },
        notes: `Proceedings began in 2020 by the MCI used (277,800 / 100 = 2,778, §1.4 [D]); the day is illustrative. ${ILLUSTRATIVE_OFFENCE}`,
      },
      {
        kind: 'ruling',
        rulingOn: d(D.erkindik.ruling),
        servedOn: d(D.erkindik.ruling),
        authority: 'Департамент государственных доходов по городу Нур-Султан',
        office: 'кабинет заместителя руководителя Ерлика Муканова',
        place: 'Nur-Sultan',
        article: '460-1',
        tier: 'failure-to-notify',
        offender: 'legal-entity',
        illustrative: true,
        offence: {
          what: 'несвоевременное уведомление о получении средств из иностранного источника',
          reference: 'F.017.00 notification',
          committedOn: d('2018-06-15'),
          alleges: 'late',
        },
        penalty: { mci: 100, amount: '277800', currency: 'KZT', suspensionMonths: 0 },
        notes:
          'Fined 100 MCI = 277,800 tenge, no suspension (HRW; KazTAG; ACCA) [C]. Service on the day of the ruling is illustrative.',
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
      'Kazakhstan International Bureau for Human Rights, Almaty. First notices 26 Nov 2020 [C]; ruling 25 Jan 2021 [C]; court reversal 6 Apr 2021 [C].',
    actions: [
      {
        kind: 'notice',
        servedOn: d(D.kibhr.notice),
        authority: SRC,
        place: 'Almaty',
        notes: 'KIBHR receives its first notices (CABAR) [C].',
      },
      {
        kind: 'summons',
        servedOn: d(D.kibhr.notice),
        hearingOn: d(D.kibhr.notice),
        authority: SRC,
        place: 'Almaty',
        notes: 'Its accountant is summoned that evening (CABAR) [C].',
      },
      {
        kind: 'ruling',
        rulingOn: d(D.kibhr.ruling),
        servedOn: d(D.kibhr.ruling),
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
          reference: 'F.018.00 reports',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 800, amount: '2333600', currency: 'KZT' },
        notes: `Fined 800 MCI = 2,333,600 tenge and suspended until 15 Apr 2021 on several protocols for "inaccurate information" (OMCT; KazTAG) [C]; four protocols [D]. The day proceedings began is illustrative. ${ILLUSTRATIVE_OFFENCE}`,
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
    notes: 'International Legal Initiative, Almaty. Ruling 25 Jan 2021 [C]; court reversal 5 Apr 2021 [C].',
    actions: [
      notice(D.ili.notice, 'Almaty', 'the day is illustrative.'),
      {
        kind: 'ruling',
        rulingOn: d(D.ili.ruling),
        servedOn: d(D.ili.ruling),
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
          reference: 'F.018.00 reports',
          committedOn: d('2019-04-10'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 400, amount: '1166800', currency: 'KZT' },
        notes: `Fined 400 MCI = 1,166,800 tenge and suspended until 15 Apr 2021 (OMCT; KazTAG) [C]; two protocols [D]. The day proceedings began is illustrative. ${ILLUSTRATIVE_OFFENCE}`,
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
      'Legal Media Center (city [U]). Summoned to the local tax office (HRW, 20 Jan 2021) [C]; listed among the six whose charges were dropped on 4 Feb 2021 [C].',
    actions: [
      notice(D.lmc.notice, 'Nur-Sultan', 'город и день иллюстративные.'),
      {
        kind: 'summons',
        servedOn: d(D.lmc.summons),
        authority: 'Управление государственных доходов',
        place: 'Nur-Sultan',
        illustrative: true,
        notes: 'Summoned (HRW 20 Jan 2021) [C]; the day and the city are illustrative.',
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
      'MediaNet International Journalism Centre (Factcheck.kz), city [U]. Summoned (HRW 20 Jan 2021) [C]; warned of suspension 29 Jan 2021 [C]; dropped 4 Feb 2021 [C].',
    actions: [
      notice(D.medianet.notice, 'Almaty', 'город и день иллюстративные.'),
      {
        kind: 'summons',
        servedOn: d(D.medianet.summons),
        authority: 'Управление государственных доходов',
        place: 'Almaty',
        illustrative: true,
        notes: 'Summoned (HRW 20 Jan 2021) [C]; the day and the city are illustrative.',
      },
      {
        kind: 'notice',
        servedOn: d(D.medianet.warning),
        authority: 'Управление государственных доходов',
        place: 'Almaty',
        notes: 'MediaNet warns that its project Factcheck.kz may be suspended (KazTAG; ACCA) [C].',
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
      'Kadir Kassiet received a notice in autumn 2020 (ACCA) [C]; city, authority and outcome are not known [U]: the case stays open.',
    actions: [
      {
        ...notice(D.kadir.notice, 'Almaty', 'the day, the city and the allegation below are illustrative.'),
        article: '460-1',
        tier: 'failure-to-notify',
        offender: 'legal-entity',
        offence: {
          what: 'не подано уведомление о получении средств из иностранного источника',
          reference: 'F.017.00 notification',
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
  const reference = `${f.form} for ${f.periodFrom}–${f.periodTo} (filing ${f.id}, incoming no. ${f.submission.incomingNumber})`;
  const links: CaseFileInput['links'] = [
    ...c.links,
    { kind: 'filing', targetId: f.id, note: 'the filing the allegation concerns (demo link)' },
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
