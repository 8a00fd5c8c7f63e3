// Parsing alone (no database): a generated 1C statement of 100,000 documents (Windows-1251) and a
// CSV of 1,000,000 bank lines. The ledger's import benchmark adds storing on top of these.
import { generate1CStatement, generateBankCsv, parseBankStatement } from '@civic/formats';
import { note, report, timed } from './lib.ts';

const BENCH = 'bank-formats';
/** CPU seconds of this process (all threads, GC included): steadier than wall time on a shared machine. */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const onec = generate1CStatement({ documents: 100_000, seed: 1, encoding: 'windows-1251' });
note(`1C: ${(onec.bytes.length / 1e6).toFixed(1)} MB`);
let c0 = cpu();
const a = await timed(() => parseBankStatement(onec.bytes, { fileName: 'bench-1c.txt' }));
const aCpu = cpu() - c0;
if (!a.result.ok || a.result.value.lines.length !== onec.count) throw new Error('1C parse failed');
report(BENCH, 'parse-1c-100k-documents', a.seconds, 's', {
  documents: onec.count,
  perSecond: Math.round(onec.count / a.seconds),
  cpuSeconds: Number(aCpu.toFixed(2)),
});

const csv = generateBankCsv({ rows: 1_000_000, seed: 1 });
note(`CSV: ${(csv.bytes.length / 1e6).toFixed(1)} MB`);
c0 = cpu();
const b = await timed(() =>
  parseBankStatement(csv.bytes, { fileName: 'bench.csv', format: 'csv', csvMapping: csv.mapping }),
);
const bCpu = cpu() - c0;
if (!b.result.ok || b.result.value.lines.length !== csv.count) throw new Error('CSV parse failed');
report(BENCH, 'parse-csv-1m-lines', b.seconds, 's', {
  lines: csv.count,
  perSecond: Math.round(csv.count / b.seconds),
  cpuSeconds: Number(bCpu.toFixed(2)),
});
