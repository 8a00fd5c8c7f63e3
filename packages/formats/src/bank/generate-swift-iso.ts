import { formatMinor, type CalendarDate, type CurrencyCode } from '@civic/core';
import { generateStatementSpec, type GeneratedStatement } from './generate.ts';
import { specTotals, type SpecDocument, type StatementSpec } from './statement-writer.ts';
import { encodeText } from './text-decode.ts';

/** Generated MT940/CAMT statements for tests and benchmarks (deterministic for a seed). */
export interface GenerateSwiftIsoOptions {
  readonly documents: number;
  readonly seed: number;
  /** Documents per day (MT940: one statement per day). */
  readonly perDay?: number;
}

const yymmdd = (d: CalendarDate): string => `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}`;
const swift = (v: bigint, currency: CurrencyCode): string => formatMinor(v, currency).replace('.', ',');
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function byDay(documents: readonly SpecDocument[]): SpecDocument[][] {
  const days: SpecDocument[][] = [];
  for (const d of documents) {
    const last = days[days.length - 1];
    if (last && last[0]?.date === d.date) last.push(d);
    else days.push([d]);
  }
  return days;
}

/** MT940 (UTF-8, CRLF): one statement per day, each balanced on its own, wrapped in SWIFT blocks. */
export function writeMt940Statement(spec: StatementSpec): Uint8Array {
  const out: string[] = [];
  let balance = spec.opening;
  const signed = (v: bigint): string => `${v < 0n ? 'D' : 'C'}`;
  byDay(spec.documents).forEach((day, i) => {
    const date = day[0]?.date ?? spec.from;
    out.push('{1:F01HSBKKZKXAXXX0000000000}{2:O940HSBKKZKXAXXXN}{4:');
    out.push(`:20:GEN${yymmdd(date)}`, `:25:${spec.account}`, `:28C:${String(i + 1)}/1`);
    const abs = (v: bigint): bigint => (v < 0n ? -v : v);
    out.push(`:60F:${signed(balance)}${yymmdd(date)}${spec.currency}${swift(abs(balance), spec.currency)}`);
    for (const d of day) {
      const dc = d.direction === 'in' ? 'C' : 'D';
      out.push(`:61:${yymmdd(d.date)}${dc}${swift(d.amount, spec.currency)}NTRF${d.number}//B${d.number}`);
      out.push(`:86:/ORDP/${d.counterparty.name}/REMI/${d.purpose}`);
      balance += d.direction === 'in' ? d.amount : -d.amount;
    }
    out.push(`:62F:${signed(balance)}${yymmdd(date)}${spec.currency}${swift(abs(balance), spec.currency)}`);
    out.push('-}');
  });
  return encodeText(`${out.join('\r\n')}\r\n`, 'utf-8');
}

/** camt.053.001.08 with one statement of every document (its entries are what a reader streams). */
export function writeCamt053Statement(spec: StatementSpec): Uint8Array {
  const { closing } = specTotals(spec);
  const amt = (v: bigint): string =>
    `<Amt Ccy="${spec.currency}">${formatMinor(v < 0n ? -v : v, spec.currency)}</Amt>`;
  const bal = (code: string, v: bigint, d: CalendarDate): string =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amt(v)}<CdtDbtInd>${v < 0n ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${d}</Dt></Dt></Bal>`;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    '<BkToCstmrStmt><GrpHdr><MsgId>GEN</MsgId><CreDtTm>2021-01-01T00:00:00</CreDtTm></GrpHdr>',
    `<Stmt><Id>GEN-${spec.from}</Id><ElctrncSeqNb>1</ElctrncSeqNb>`,
    `<FrToDt><FrDtTm>${spec.from}T00:00:00</FrDtTm><ToDtTm>${spec.to}T23:59:59</ToDtTm></FrToDt>`,
    `<Acct><Id><IBAN>${spec.account}</IBAN></Id><Ccy>${spec.currency}</Ccy></Acct>`,
    bal('OPBD', spec.opening, spec.from),
    bal('CLBD', closing, spec.to),
  ];
  for (const d of spec.documents) {
    const inward = d.direction === 'in';
    const party = `<${inward ? 'Dbtr' : 'Cdtr'}><Pty><Nm>${xml(d.counterparty.name)}</Nm></Pty></${inward ? 'Dbtr' : 'Cdtr'}>`;
    parts.push(
      `<Ntry><NtryRef>${d.number}</NtryRef>${amt(d.amount)}<CdtDbtInd>${inward ? 'CRDT' : 'DBIT'}</CdtDbtInd>` +
        `<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${d.date}</Dt></BookgDt><ValDt><Dt>${d.date}</Dt></ValDt>` +
        `<AcctSvcrRef>B${d.number}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E${d.number}</EndToEndId></Refs>` +
        `<RltdPties>${party}<${inward ? 'DbtrAcct' : 'CdtrAcct'}><Id><Othr><Id>${d.counterparty.account}</Id></Othr></Id></${inward ? 'DbtrAcct' : 'CdtrAcct'}></RltdPties>` +
        `<RmtInf><Ustrd>${xml(d.purpose)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  parts.push('</Stmt></BkToCstmrStmt></Document>');
  return encodeText(`${parts.join('\n')}\n`, 'utf-8');
}

function generated(spec: StatementSpec, bytes: Uint8Array): GeneratedStatement {
  const { totalIn, totalOut, closing } = specTotals(spec);
  return {
    bytes,
    account: spec.account,
    currency: spec.currency,
    count: spec.documents.length,
    totalIn,
    totalOut,
    opening: spec.opening,
    closing,
  };
}

/** An MT940 file of `documents` payments, one statement per day (`perDay`, 50 unless given). */
export function generateMt940Statement(options: GenerateSwiftIsoOptions): GeneratedStatement {
  const spec = generateStatementSpec(options);
  return generated(spec, writeMt940Statement(spec));
}

/** A camt.053 file of one statement with `documents` entries. */
export function generateCamt053Statement(options: GenerateSwiftIsoOptions): GeneratedStatement {
  const spec = generateStatementSpec(options);
  return generated(spec, writeCamt053Statement(spec));
}
