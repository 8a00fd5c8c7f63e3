import { describe, expect, it } from 'vitest';
import { sampleBundle } from './bundle-fixture.ts';
import { verifyBundle } from './verify-bundle.ts';

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
      entries: 7,
      entriesWithContent: 5,
      organisation: { id: 'org_echo', name: 'Эхо', bin: '070940000014' },
    });
    expect(text).not.toContain('not for this bundle');
  });

  it('names the first entry or record that fails', () => {
    const cases: [string, string, string][] = [
      ['"incomingNumber":"KGD-2023-0815-001"', '"incomingNumber":"KGD-2023-0815-002"', 'log entry 4'],
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
