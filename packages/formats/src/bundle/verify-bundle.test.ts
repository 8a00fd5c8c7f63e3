import { canonicalJsonOf, GENESIS_HASH, logEntryHeaderText, type LogEntry } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { sampleFilingContent } from '../filing/filing-fixture.ts';
import type { BundleFiling } from './bundle.schema.ts';
import { sha256Hex } from './sha256.ts';
import { preparedLogContent, submittedLogContent, verifyBundle } from './verify-bundle.ts';
import { writeBundle } from './write-bundle.ts';

const ORG = 'org_echo';

/** Test support: a chain of log entries hashed exactly as the store appends them. */
function chain(items: readonly { kind: string; subjectId: string; content: unknown }[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const [i, item] of items.entries()) {
    const content = canonicalJsonOf(item.content);
    const header = {
      seq: i + 1,
      organisation: ORG,
      kind: item.kind,
      subjectId: item.subjectId,
      contentHash: sha256Hex(content),
      previousHash: out.at(-1)?.entryHash ?? GENESIS_HASH,
      recordedAt: `2023-08-0${(i % 9) + 1}T10:00:00.000Z`,
    };
    out.push({ ...header, content, entryHash: sha256Hex(logEntryHeaderText(header)) });
  }
  return out;
}

/** A submitted original, a submitted correction of it, and unrelated entries before and after. */
function sampleBundle(compact = false): string {
  const base = sampleFilingContent();
  const trim = compact
    ? {
        receipts: base.receipts.slice(0, 1),
        expenditures: base.expenditures.slice(0, 1),
        grants: base.grants.slice(0, 1),
      }
    : {};
  const original = sampleFilingContent(trim);
  const corrected = sampleFilingContent({ ...trim, corrects: 'fil_1', notes: ['corrected: EUR rate'] });
  const f1 = {
    id: 'fil_1',
    organisation: ORG,
    obligationId: original.obligation.id,
    form: 'F.018.00',
    periodFrom: '2023-01-01',
    periodTo: '2023-06-30',
    corrects: null,
    contentHash: sha256Hex(canonicalJsonOf(original)),
  };
  const f2 = { ...f1, id: 'fil_2', corrects: 'fil_1', contentHash: sha256Hex(canonicalJsonOf(corrected)) };
  const s1 = {
    submittedOn: '2023-08-14',
    channel: 'cabinet.salyk.kz',
    incomingNumber: 'KGD-2023-0815-001',
    attachments: [{ name: 'f018.pdf', sha256: sha256Hex('pdf bytes'), size: 9 }],
  };
  const s2 = { submittedOn: '2023-09-01', channel: 'paper', incomingNumber: '№ 17/443', attachments: [] };
  const entries = chain([
    { kind: 'claim.action-recorded', subjectId: 'case_9', content: { secret: 'not for this bundle' } },
    { kind: 'filing.prepared', subjectId: 'fil_1', content: preparedLogContent(f1) },
    { kind: 'filing.submitted', subjectId: 'fil_1', content: submittedLogContent(f1, s1) },
    { kind: 'filing.prepared', subjectId: 'fil_2', content: preparedLogContent(f2) },
    { kind: 'filing.submitted', subjectId: 'fil_2', content: submittedLogContent(f2, s2) },
    { kind: 'filing.prepared', subjectId: 'fil_3', content: { other: 'filing' } },
  ]);
  const recordedAt = (seq: number) => entries[seq - 1]?.recordedAt ?? '';
  const filings: BundleFiling[] = [
    {
      ...f2,
      state: 'submitted',
      content: { ...corrected },
      createdAt: '2023-08-31T09:00:00.000Z',
      submission: { ...s2, recordedAt: recordedAt(5) },
    },
    {
      ...f1,
      state: 'submitted',
      content: { ...original },
      createdAt: '2023-08-10T09:00:00.000Z',
      submission: { ...s1, recordedAt: recordedAt(3) },
    },
  ];
  return writeBundle({
    organisation: { id: ORG, name: 'Эхо', bin: '070940000011' },
    filings,
    entries,
    exportedAt: '2026-03-01T12:00:00.000Z',
  });
}

describe('bundles', () => {
  const text = sampleBundle();
  const bytes = new TextEncoder().encode(text);

  it('verifies a bundle as written and summarises it', () => {
    const r = verifyBundle(bytes);
    expect(r.ok ? r.summary : r.fault).toMatchObject({
      filing: { id: 'fil_2', form: 'F.018.00', state: 'submitted' },
      corrects: ['fil_1'],
      receipts: 3,
      expenditures: 2,
      entries: 6,
      entriesWithContent: 4,
    });
    expect(text).not.toContain('not for this bundle');
  });

  it('names the first entry or record that fails', () => {
    const cases: [string, string, string][] = [
      ['"incomingNumber":"KGD-2023-0815-001"', '"incomingNumber":"KGD-2023-0815-002"', 'log entry 3'],
      ['"amount":"25000.00"', '"amount":"26000.00"', 'filing fil_1'],
      ['"exportedAt":"2026-03-01T12:00:00.000Z"', '"exportedAt":"2026-03-02T12:00:00.000Z"', 'bundle'],
    ];
    for (const [from, to, where] of cases) {
      // The last occurrence: the log's copy sits after the filings (members are sorted).
      const at = text.lastIndexOf(from);
      const r = verifyBundle(new TextEncoder().encode(text.slice(0, at) + to + text.slice(at + from.length)));
      expect(r.ok, from).toBe(false);
      if (!r.ok) expect(r.fault.where.startsWith(where), `${from}: ${r.fault.where}`).toBe(true);
    }
  });

  /** The positions whose bytes were changed and still verified. */
  function missedChanges(
    b: Uint8Array,
    positions: Iterable<number>,
    changes: (byte: number) => number[],
  ): string[] {
    const missed: string[] = [];
    for (const i of positions) {
      const original = b[i] ?? 0;
      for (const changed of changes(original).filter((c) => c !== original)) {
        const copy = b.slice();
        copy[i] = changed;
        if (verifyBundle(copy).ok) missed.push(`${i}: ${original} -> ${changed}`);
      }
    }
    return missed;
  }
  const every = (n: number, step = 1) => Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step);
  // Structural bytes: everything but letters and digits (quotes, braces, colons, commas, the newline…).
  const structural = (b: Uint8Array) =>
    every(b.length).filter((i) => !/[A-Za-z0-9]/.test(String.fromCharCode(b[i] ?? 0)));

  it(
    'catches a change of every byte of a compact bundle (every position; more changes at structural bytes)',
    { timeout: 600_000 },
    () => {
      // A compact bundle (a submitted filing, its submitted correction, one receipt and one
      // expenditure each, six log entries) keeps the full sweep cheap: every byte position gets a
      // changed value, and every structural byte two more. Why nothing can slip through: the file must be exactly canonical
      // JSON plus a newline, so a byte change either breaks UTF-8, JSON or the canonical form, or
      // changes a value — and every value sits under a hash (bundleHash covers all the rest).
      const compact = new TextEncoder().encode(sampleBundle(true));
      expect(compact.length).toBeGreaterThan(3000);
      expect(missedChanges(compact, every(compact.length), (x) => [x ^ 0x01])).toEqual([]);
      expect(missedChanges(compact, structural(compact), (x) => [(x + 0x80) % 256, 0x20, 0x22])).toEqual([]);
    },
  );

  it(
    'catches changes of a full bundle: every structural byte and a dense sample of the rest',
    { timeout: 600_000 },
    () => {
      expect(missedChanges(bytes, structural(bytes), (x) => [x ^ 0x01])).toEqual([]);
      expect(missedChanges(bytes, every(bytes.length, 11), (x) => [x ^ 0x02])).toEqual([]);
    },
  );

  it('catches a dropped byte, an added byte and a re-saved (pretty-printed) file', () => {
    expect(verifyBundle(bytes.slice(0, -1)).ok).toBe(false);
    expect(verifyBundle(new TextEncoder().encode(`${text}\n`)).ok).toBe(false);
    expect(
      verifyBundle(new TextEncoder().encode(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)),
    ).toMatchObject({ ok: false, fault: { code: 'BUNDLE_NOT_CANONICAL' } });
    const mid = Math.floor(bytes.length / 2);
    expect(verifyBundle(new Uint8Array([...bytes.slice(0, mid), ...bytes.slice(mid + 1)])).ok).toBe(false);
  });
});
