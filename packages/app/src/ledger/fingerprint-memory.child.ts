// Fingerprints N statement lines (made as they are needed, every tenth a repeat) with the import's
// own fingerprinter and hash, and prints what stays held once they are done: heap and array
// buffers after a full collection (run with --expose-gc). Used by fingerprint-memory.test.ts.
import { calendarDate, createFingerprinter, currency, type StatementLine } from '@civic/core';
import { fingerprintHash } from './import-bank-types.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const held = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const base: StatementLine = {
  sourceLine: 1,
  account: 'KZ86125KZT5004100100',
  direction: 'in',
  amount: 0n,
  currency: currency('KZT'),
  bookedOn: calendarDate('2021-03-02'),
  documentDate: null,
  documentNumber: null,
  purpose: 'Оплата по договору',
  purposeCode: null,
  bankReference: null,
  raw: {},
  counterparty: { name: null, taxId: null, account: null, bankCode: null, sectorCode: null, country: null },
};
const before = held();
const fingerprint = createFingerprinter(fingerprintHash);
const seen = new Set<string>();
let distinct = 0;
let last = '';
for (let i = 0; i < n; i++) {
  // Every tenth line repeats the one before it: a repeat gets its own, different fingerprint.
  const k = i % 10 === 9 ? i - 1 : i;
  last = fingerprint({ ...base, amount: BigInt(1000 + k), documentNumber: String(k) });
  if (i < 1000) seen.add(last);
  distinct = seen.size;
}
const after = held();
// The fingerprinter is used once more after the measure, so that it is still held at it.
const again = fingerprint({ ...base, amount: 1000n, documentNumber: '0' });
process.stdout.write(
  `${JSON.stringify({ lines: n, distinctOfFirstThousand: distinct, last, again, heldMB: (after - before) / 1048576 })}\n`,
);
