import { describe, expect, it } from 'vitest';
import { calendarDate as d } from '../calendar-date.ts';
import type { AllegationKind, CaseAction, CaseLink } from './case.ts';
import { compareWithRecords, type FiledRecord } from './records-check.ts';

const filing = (over: Partial<FiledRecord> = {}): FiledRecord => ({
  filingId: 'fil_1',
  title: 'Notification of a foreign receipt',
  form: 'F.017.00',
  trigger: 'each-receipt',
  periodFrom: d('2018-06-01'),
  periodTo: d('2018-06-01'),
  dueOn: d('2018-06-15'),
  submittedOn: d('2018-06-11'),
  incomingNumber: 'KGD-123',
  channel: 'paper',
  contentHash: 'a'.repeat(64),
  hashVerified: true,
  logSeq: 4,
  logRecordedAt: '2018-06-11T10:00:00Z',
  receiptIds: ['rcp_1'],
  ledgerAgrees: null,
  ...over,
});

const action = (alleges: AllegationKind | null, reference: string | null = null): CaseAction => ({
  id: 'act_1',
  caseId: 'case_1',
  kind: 'ruling',
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
  article: '460-1',
  tier: 't',
  offender: null,
  offence: {
    what: null,
    reference,
    committedOn: d('2018-06-16'),
    continuing: false,
    discoveredOn: null,
    alleges,
  },
  penalty: null,
  documents: [],
  notes: null,
  illustrative: false,
});

const byFiling: CaseLink[] = [{ kind: 'filing', targetId: 'fil_1', note: null }];
const byReceipt: CaseLink[] = [{ kind: 'receipt', targetId: 'rcp_1', note: null }];

describe('the allegation against the organisation\'s own records (issue 4, "The organisation\'s own records")', () => {
  it.each([
    // [allegation, links, filing, finding expected]
    [
      '"not filed" against a filing submitted',
      'not-filed',
      byFiling,
      filing(),
      'RECORD_CONTRADICTS_ALLEGATION',
    ],
    [
      '"late" against a notification submitted before its due day, found through the receipt',
      'late',
      byReceipt,
      filing(),
      'RECORD_CONTRADICTS_ALLEGATION',
    ],
    [
      '"late" against a notification submitted on its due day',
      'late',
      byFiling,
      filing({ submittedOn: d('2018-06-15') }),
      'RECORD_CONTRADICTS_ALLEGATION',
    ],
    [
      '"late" borne out by a filing after its due day',
      'late',
      byFiling,
      filing({ submittedOn: d('2018-06-18') }),
      'RECORD_SUPPORTS_ALLEGATION',
    ],
    [
      '"inaccurate" against a report whose hash verifies and the ledger still gives',
      'inaccurate',
      byFiling,
      filing({ ledgerAgrees: true }),
      'RECORD_CONTRADICTS_ALLEGATION',
    ],
    [
      '"inaccurate" borne out by a report the ledger no longer gives',
      'inaccurate',
      byFiling,
      filing({ ledgerAgrees: false }),
      'RECORD_SUPPORTS_ALLEGATION',
    ],
    [
      '"inaccurate" with a hash that does not verify proves nothing',
      'inaccurate',
      byFiling,
      filing({ ledgerAgrees: true, hashVerified: false }),
      null,
    ],
    ['no allegation kind: exhibit only', null, byFiling, filing(), null],
  ] as const)('%s', (_name, alleges, links, f, code) => {
    const r = compareWithRecords(action(alleges), links, [f]);
    expect(r.findings.map((x) => x.code)).toEqual(code ? [code] : []);
    expect(r.exhibits).toHaveLength(1);
    expect(r.exhibits[0]?.description).toContain('KGD-123');
    expect(r.exhibits[0]?.contradicts).toBe(code === 'RECORD_CONTRADICTS_ALLEGATION');
  });

  it("finds a filing named in the allegation's reference, and ignores unrelated ones", () => {
    expect(
      compareWithRecords(action('not-filed', 'incoming no. KGD-123'), [], [filing()]).findings,
    ).toHaveLength(1);
    expect(compareWithRecords(action('not-filed'), [], [filing()]).exhibits).toEqual([]);
  });
});
