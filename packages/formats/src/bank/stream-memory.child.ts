// A statement of ~40 MB made as it is read (never held, not even by this child) and read by the
// streamed reader under a small heap (stream-memory.test.ts runs it with --max-old-space-size=96).
// Arguments: formats (mt940,mt940-page,camt053) and the size in MB. Prints a JSON line per format: lines,
// balances, peak heap.
import { openCamtStream } from './camt-stream.ts';
import { generateMt940Statement } from './generate-swift-iso.ts';
import { openMt940Stream } from './mt940-stream.ts';
import { withStreamChecks } from './statement-stream-checks.ts';
import { readStatementStream } from './statement-stream.ts';

const [formats = 'mt940,camt053', megabytes = '40'] = process.argv.slice(2);
const target = Number(megabytes) * 1e6;
const encoder = new TextEncoder();
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};

/** Ten daily MT940 statements, their references numbered anew each time: every page is new. */
async function* mt940(): AsyncGenerator<Uint8Array> {
  const block = new TextDecoder().decode(
    generateMt940Statement({ documents: 500, seed: 1, perDay: 50 }).bytes,
  );
  for (let k = 0, size = 0; size < target; k++) {
    const bytes = encoder.encode(block.replace(/:20:GEN/g, `:20:R${String(k)}-`));
    size += bytes.length;
    sample();
    yield bytes;
  }
}

/**
 * One MT940 statement of one page, as many 1.00 credits as fill the size: a page is the unit of the
 * balance check, and its lines must still not be held until its closing balance.
 */
async function* mt940Page(): AsyncGenerator<Uint8Array> {
  const line = (i: number): string =>
    `:61:2101050105C1,00NTRFD${String(i)}//B${String(i)}\r\n` +
    `:86:/ORDP/Фонд «Открытое общество» ${String(i % 97)}/REMI/Грант по договору G-${String(i)}\r\n`;
  const count = Math.ceil(target / encoder.encode(line(100000)).length);
  yield encoder.encode(':20:ONEPAGE\r\n:25:KZ716010131000012345\r\n:28C:1/1\r\n:60F:C210105KZT100,00\r\n');
  for (let i = 0; i < count; i += 1000) {
    let text = '';
    for (let j = i; j < Math.min(count, i + 1000); j++) text += line(j);
    sample();
    yield encoder.encode(text);
  }
  yield encoder.encode(`:62F:C210105KZT${String(100 + count)},00\r\n-\r\n`);
}

/** One camt.053 statement of as many 1.00 credits as fill the size, its closing balance adding up. */
async function* camt(): AsyncGenerator<Uint8Array> {
  const entry = (i: number): string =>
    `<Ntry><NtryRef>${String(i)}</NtryRef><Amt Ccy="KZT">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
    `<BookgDt><Dt>2021-01-05</Dt></BookgDt><AcctSvcrRef>B${String(i)}</AcctSvcrRef><NtryDtls><TxDtls>` +
    `<RltdPties><Dbtr><Pty><Nm>Фонд «Открытое общество» ${String(i % 97)}</Nm></Pty></Dbtr></RltdPties>` +
    `<RmtInf><Ustrd>Грант по договору G-${String(i)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
  const count = Math.ceil(target / encoder.encode(entry(100000)).length);
  const bal = (code: string, minor: number): string =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="KZT">${(minor / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2021-01-05</Dt></Dt></Bal>`;
  yield encoder.encode(
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>' +
      '<Stmt><Id>BIG</Id><Acct><Id><IBAN>KZ716010131000012345</IBAN></Id><Ccy>KZT</Ccy></Acct>' +
      `${bal('OPBD', 10000)}${bal('CLBD', 10000 + count * 100)}\n`,
  );
  for (let i = 0; i < count; i += 1000) {
    let text = '';
    for (let j = i; j < Math.min(count, i + 1000); j++) text += entry(j);
    sample();
    yield encoder.encode(text);
  }
  yield encoder.encode('</Stmt></BkToCstmrStmt></Document>\n');
}

for (const format of formats.split(',')) {
  peak = 0;
  const open = format.startsWith('mt940') ? openMt940Stream('big.sta') : openCamtStream('big.xml');
  let lines = 0;
  const source = format === 'mt940' ? mt940() : format === 'mt940-page' ? mt940Page() : camt();
  const r = await readStatementStream(source, withStreamChecks(open, 'big'), () => {
    lines += 1;
  });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const balanced = r.value.balances.every((b) => b.balanced);
  const peakHeapMB = Math.round(peak / 2 ** 20);
  const statements = r.value.balances.length;
  process.stdout.write(`${JSON.stringify({ format, lines, balanced, statements, peakHeapMB })}\n`);
}
