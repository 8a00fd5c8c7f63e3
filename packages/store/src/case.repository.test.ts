import { calendarDate, currency, money } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCase,
  insertCase,
  insertCaseAction,
  insertCaseDocument,
  insertCaseLink,
  listCases,
  nextActionSeq,
  readCaseDocument,
  updateCaseStatus,
} from './case.repository.ts';
import { insertOrganisation } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const at = '2026-01-01T00:00:00Z';
const blank = {
  authority: null,
  office: null,
  place: null,
  servedOn: null,
  proceedingsStartedOn: null,
  hearingOn: null,
  rulingOn: null,
  inForceOn: null,
  suspendedUntil: null,
  outcome: null,
  article: null,
  tier: null,
  offender: null,
  offence: null,
  penalty: null,
  notes: null,
  illustrative: false,
} as const;

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`cases on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await insertOrganisation(store.db, { id: 'org-a', name: 'A', createdAt: at });
      await insertOrganisation(store.db, { id: 'org-b', name: 'B', createdAt: at });
    });
    afterAll(async () => store.close());

    it('stores a case with its actions, penalty, offence, documents and links, and reads them back', async () => {
      await insertCase(store.db, {
        id: 'case-1',
        organisationId: 'org-a',
        title: 'Tax claim',
        pack: 'kz',
        openedOn: calendarDate('2020-11-26'),
        illustrative: true,
        createdAt: at,
      });
      await insertCaseAction(store.db, {
        ...blank,
        id: 'act-1',
        caseId: 'case-1',
        seq: 1,
        kind: 'notice',
        servedOn: calendarDate('2020-11-26'),
        createdAt: at,
      });
      await insertCaseAction(store.db, {
        ...blank,
        id: 'act-2',
        caseId: 'case-1',
        seq: await nextActionSeq(store.db, 'case-1'),
        kind: 'ruling',
        authority: 'SRC',
        office: 'Almaly district',
        place: 'Almaty',
        rulingOn: calendarDate('2021-01-15'),
        proceedingsStartedOn: calendarDate('2021-01-05'),
        article: '460-1',
        tier: 'inaccurate-information',
        offender: 'legal-entity',
        offence: {
          what: 'discrepancy',
          reference: 'report 2018',
          committedOn: calendarDate('2019-04-10'),
          continuing: true,
          discoveredOn: calendarDate('2020-11-26'),
          alleges: 'inaccurate',
        },
        penalty: { mci: 400, amount: money(116680000n, currency('KZT')), suspensionMonths: 3 },
        createdAt: at,
      });
      const bytes = new Uint8Array([0, 1, 2, 255, 254]);
      await insertCaseDocument(
        store.db,
        {
          id: 'doc-1',
          actionId: 'act-2',
          name: 'ruling.pdf',
          sha256: 'ab'.repeat(32),
          mediaType: 'application/pdf',
          content: bytes,
          createdAt: at,
        },
        null,
      );
      await insertCaseLink(store.db, 'case-1', {
        kind: 'filing',
        targetId: 'fil-1',
        note: 'the report alleged inaccurate',
      });

      const c = await findCase(store.db, 'case-1');
      expect(c).toMatchObject({
        id: 'case-1',
        organisationId: 'org-a',
        status: 'open',
        openedOn: '2020-11-26',
        illustrative: true,
      });
      expect(c?.actions.map((a) => a.kind)).toEqual(['notice', 'ruling']);
      const ruling = c?.actions[1];
      expect(ruling?.offence).toEqual({
        what: 'discrepancy',
        reference: 'report 2018',
        committedOn: '2019-04-10',
        continuing: true,
        discoveredOn: '2020-11-26',
        alleges: 'inaccurate',
      });
      expect(ruling?.penalty).toEqual({
        mci: 400,
        amount: { minor: 116680000n, currency: 'KZT' },
        suspensionMonths: 3,
      });
      expect(ruling?.documents).toEqual([
        { id: 'doc-1', name: 'ruling.pdf', sha256: 'ab'.repeat(32), size: 5, mediaType: 'application/pdf' },
      ]);
      expect(c?.actions[0]?.offence).toBeNull();
      expect(c?.links).toEqual([
        { kind: 'filing', targetId: 'fil-1', note: 'the report alleged inaccurate' },
      ]);
      expect((await readCaseDocument(store.db, 'doc-1', null))?.content).toEqual(bytes);
    });

    it('lists cases per organisation and changes status', async () => {
      await insertCase(store.db, {
        id: 'case-2',
        organisationId: 'org-b',
        title: 'Other',
        pack: 'kz',
        createdAt: at,
      });
      expect((await listCases(store.db)).map((c) => c.id)).toEqual(['case-1', 'case-2']);
      expect((await listCases(store.db, { organisationId: 'org-b' })).map((c) => c.id)).toEqual(['case-2']);
      await updateCaseStatus(store.db, 'case-2', 'closed');
      expect((await findCase(store.db, 'case-2'))?.status).toBe('closed');
      expect(await findCase(store.db, 'nope')).toBeUndefined();
    });

    it('refuses a case of an unknown organisation', async () => {
      await expect(
        insertCase(store.db, {
          id: 'case-x',
          organisationId: 'org-none',
          title: 'X',
          pack: 'kz',
          createdAt: at,
        }),
      ).rejects.toThrow();
    });
  });
}
