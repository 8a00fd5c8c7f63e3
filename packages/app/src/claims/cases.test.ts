import { createHash } from 'node:crypto';
import { calendarDate as d } from '@civic/core';
import { parseCaseFile } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog, listLog } from '../log/hash-log.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { checkCase, caseCheckView } from './case-check.ts';
import {
  attachCaseDocument,
  createCase,
  getCase,
  linkCaseRecord,
  listCasesOf,
  recordCaseAction,
  setCaseStatus,
} from './cases.ts';
import { draftObjection } from './objection.ts';

// An Echo-like case (legal-brief.md §2.1): a notice in autumn 2020, a ruling of 15 Jan 2021 for 400 MCI and 3 months.
const ECHO_CASE = {
  title: 'State revenue claim 2020–21',
  pack: 'kz',
  openedOn: '2020-11-20',
  actions: [
    { kind: 'notice', authority: 'State Revenue Department', place: 'Almaty', servedOn: '2020-11-20' },
    {
      kind: 'ruling',
      authority: 'State Revenue Department',
      office: 'Almaly district',
      place: 'Almaty',
      proceedingsStartedOn: '2021-01-05',
      rulingOn: '2021-01-15',
      servedOn: '2021-01-15',
      article: '460-1',
      tier: 'inaccurate-information',
      offender: 'legal-entity',
      offence: { what: 'discrepancies in the 2018 report', committedOn: '2019-04-10', alleges: 'inaccurate' },
      penalty: { mci: 400, amount: '1166800', suspensionMonths: 3 },
    },
  ],
};

for (const dialect of testDialects()) {
  describe(`cases on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let orgId = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-02-01T09:00:00Z'));
      const org = await createOrganisation(ctx, { name: 'Echo' });
      if (!org.ok) throw new Error(org.error.message);
      orgId = org.value.id;
    });
    afterAll(async () => ctx.close());

    it('opens a case from a case file, checks it, and logs every event in the hash chain', async () => {
      const input = parseCaseFile(JSON.stringify(ECHO_CASE), { fileName: 'echo.json' });
      if (!input.ok) throw new Error(input.error.message);
      const c = await createCase(ctx, input.value);
      if (!c.ok) throw new Error(c.error.message);
      expect(c.value.actions.map((a) => a.kind)).toEqual(['notice', 'ruling']);
      expect(c.value.actions[1]?.penalty?.amount).toEqual({ minor: 116680000n, currency: 'KZT' });

      const checked = await checkCase(ctx, c.value.id, { asOf: d('2021-02-01') });
      if (!checked.ok) throw new Error(checked.error.message);
      const view = caseCheckView(checked.value);
      expect(view.favoursDefence).toBe(true);
      expect(view.findings[0]).toMatchObject({
        code: 'LIMITATION_EXPIRED',
        actionId: c.value.actions[1]?.id,
      });
      expect(view.actions[1]).toMatchObject({
        kind: 'ruling',
        penalty: { expectedAmount: '1166800', amountMatches: true, mciYear: 2021 },
      });
      expect(view.actions[0]).toMatchObject({ kind: 'notice', limitation: null });

      const log = await listLog(ctx, orgId);
      expect(log.map((e) => e.kind)).toEqual([
        // The organisation's first entry: who it is and its signing key (issue 12).
        'organisation.key',
        'claim.case-opened',
        'claim.action-recorded',
        'claim.action-recorded',
      ]);
      expect((await verifyLog(ctx, orgId)).ok).toBe(true);
    });

    it('adds actions, documents and links; lists by organisation; closes', async () => {
      const c = await createCase(ctx, { title: 'Second', pack: 'kz', actions: [], links: [] });
      if (!c.ok) throw new Error(c.error.message);
      const a = await recordCaseAction(ctx, c.value.id, {
        kind: 'summons',
        servedOn: d('2021-01-20'),
        place: 'Almaty',
      });
      if (!a.ok) throw new Error(a.error.message);
      const bytes = new TextEncoder().encode('summons text');
      const doc = await attachCaseDocument(ctx, c.value.id, a.value.id, {
        name: 'summons.txt',
        content: bytes,
        mediaType: 'text/plain',
      });
      expect(doc.ok && doc.value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      await linkCaseRecord(ctx, c.value.id, {
        kind: 'filing',
        targetId: 'fil_1',
        note: 'the report concerned',
      });
      const again = await getCase(ctx, c.value.id);
      expect(again.ok && again.value.actions[0]?.documents[0]).toMatchObject({
        name: 'summons.txt',
        size: bytes.byteLength,
      });
      expect(again.ok && again.value.links).toEqual([
        { kind: 'filing', targetId: 'fil_1', note: 'the report concerned' },
      ]);
      expect((await listCasesOf(ctx, 'Echo')).ok).toBe(true);
      expect((await setCaseStatus(ctx, c.value.id, 'closed')).ok).toBe(true);
      expect((await verifyLog(ctx, orgId)).ok).toBe(true);
    });

    it('rejects an unknown tier naming the field, and stores nothing', async () => {
      const count = async () => {
        const r = await listCasesOf(ctx);
        return r.ok ? r.value.length : -1;
      };
      const before = await count();
      const bad = await createCase(ctx, {
        ...ECHO_CASE,
        actions: [{ kind: 'ruling', article: '460-1', tier: 'nope' }],
        links: [],
      } as never);
      expect(!bad.ok && bad.error).toMatchObject({ code: 'CASE_TIER_UNKNOWN', field: 'actions[0].tier' });
      expect(await count()).toBe(before);
      expect((await getCase(ctx, 'case_none')).ok).toBe(false);
    });

    it("keeps a ruling's number and official, and the complaint names the ruling by them (issue 10)", async () => {
      const [notice, ruling] = ECHO_CASE.actions;
      const file = {
        ...ECHO_CASE,
        actions: [
          notice,
          { ...ruling, number: '17-3/412', official: 'заместителем руководителя Е. Мукановым' },
        ],
      };
      const input = parseCaseFile(JSON.stringify(file), { fileName: 'numbered.json' });
      if (!input.ok) throw new Error(input.error.message);
      const c = await createCase(ctx, input.value);
      if (!c.ok) throw new Error(c.error.message);
      const stored = await getCase(ctx, c.value.id);
      expect(stored.ok && stored.value.actions[1]).toMatchObject({
        number: '17-3/412',
        official: 'заместителем руководителя Е. Мукановым',
      });
      expect(stored.ok && stored.value.actions[0]).toMatchObject({ number: null, official: null });
      const drafted = await draftObjection(ctx, c.value.id, {
        lang: 'ru',
        format: 'docx',
        asOf: d('2021-01-20'),
      });
      const texts = drafted.ok ? drafted.value.text.blocks.map((b) => b.text) : [];
      expect(texts).toContain(
        'Обжалуемое постановление: постановление по делу об административном правонарушении № 17-3/412 от 15 января 2021 г., вынесенное заместителем руководителя Е. Мукановым',
      );
      expect(texts.join('\n')).not.toContain('№ ____');
    });

    it('names an organisation with a Latin name by its Cyrillic alias in a Russian or Kazakh complaint', async () => {
      const org = await createOrganisation(ctx, { name: 'Echo Public Foundation', aliases: ['ОФ «Эхо»'] });
      if (!org.ok) throw new Error(org.error.message);
      const input = parseCaseFile(JSON.stringify(ECHO_CASE), { fileName: 'alias.json' });
      if (!input.ok) throw new Error(input.error.message);
      const c = await createCase(ctx, input.value, { organisation: org.value.id });
      if (!c.ok) throw new Error(c.error.message);
      const applicant = async (lang: 'ru' | 'kk' | 'en') => {
        const r = await draftObjection(ctx, c.value.id, { lang, format: 'docx', asOf: d('2021-01-20') });
        return r.ok
          ? r.value.text.blocks.find((b) => /^(Заявитель|Өтініш беруші|Applicant):/.test(b.text))?.text
          : '';
      };
      expect(await applicant('ru')).toMatch(/^Заявитель: ОФ «Эхо», /);
      expect(await applicant('kk')).toMatch(/^Өтініш беруші: ОФ «Эхо», /);
      expect(await applicant('en')).toMatch(/^Applicant: Echo Public Foundation, /);
    });
  });
}
