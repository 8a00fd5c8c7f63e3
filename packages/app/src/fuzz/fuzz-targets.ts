import { readFileSync } from 'node:fs';
import type { Result } from '@civic/core';
import {
  openCamtStream,
  openMt940Stream,
  parseBankStatement,
  parseWithStream,
  type OpenStatementStream,
  parseCaseFile,
  parseClaimFile,
  parseIncidentsCsv,
  parseIncidentsJson,
  parseRates,
  renderIncidentsJson,
  verifyBundle,
} from '@civic/formats';
import { DEMO_CASES } from '../demo/demo-cases.ts';
import { demoIncidentsCsv } from '../demo/demo-incidents-data.ts';

/** What a reader answered: read, or refused with a stable code and where. */
export type Outcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: string;
      readonly file?: string | undefined;
      readonly line?: number | undefined;
      readonly field?: string | undefined;
      readonly message: string;
    };

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One reader under fuzzing, with the real files its mutations start from. */
export interface FuzzTarget {
  readonly name: string;
  /** Whether the XML attacks apply. */
  readonly xml: boolean;
  /** Whether a refusal must name the file it read (every file reader; the bundle names a place instead). */
  readonly namesFile: boolean;
  /** Whether every changed byte must be refused (a signed bundle: nothing in it can change unseen). */
  readonly tamperEvident: boolean;
  readonly corpus: () => readonly CorpusFile[];
  readonly read: (bytes: Uint8Array, fileName: string) => Outcome;
}

const encoder = new TextEncoder();
const fromDir = (dir: URL, names: readonly string[]): CorpusFile[] =>
  names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }));

const BANK_DIR = new URL('../../../formats/src/bank/fixtures/', import.meta.url);
const RATES_DIR = new URL('../../../formats/src/rates/fixtures/', import.meta.url);
const SEED_DIR = new URL('../../../formats/src/fixtures/seeds/', import.meta.url);

function outcome(r: Result<unknown>): Outcome {
  if (r.ok) return { ok: true };
  const e = r.error;
  return { ok: false, code: e.code, file: e.file, line: e.line, field: e.field, message: e.message };
}

const bank = (bytes: Uint8Array, fileName: string): Outcome =>
  outcome(parseBankStatement(bytes, { fileName }));

/**
 * The same answer: read, or refused with the same code, line and field. Malformed XML may be named
 * a line apart: the XML reader reports some faults (text outside the root) where a run of text is
 * cut, and a chunk's end cuts one.
 */
const sameOutcome = (a: Outcome, b: Outcome): boolean =>
  a.ok === b.ok &&
  (a.ok ||
    b.ok ||
    (a.code === b.code && a.field === b.field && (a.line === b.line || a.code === 'IMPORT_XML_INVALID')));
/** A line over the reader's cap is refused once it is carried past a chunk's end: where chunks end matters. */
const overLong = (o: Outcome): boolean =>
  !o.ok && o.code === 'IMPORT_LINE_INVALID' && / is longer than /.test(o.message);

/**
 * A streamed reader's answer, the file read whole and cut into about eight chunks at odd places:
 * both must answer alike (a chunk's end may fall anywhere, inside a character, a tag or a field).
 */
const streamed =
  (open: (fileName: string) => OpenStatementStream) =>
  (bytes: Uint8Array, fileName: string): Outcome => {
    const once = outcome(parseWithStream(bytes, open(fileName)));
    const cut = outcome(
      parseWithStream(bytes, open(fileName), Math.max(61, Math.floor(bytes.length / 8) + 1)),
    );
    if (!sameOutcome(once, cut) && !overLong(once) && !overLong(cut))
      throw new Error(
        `read in chunks the file answers ${JSON.stringify(cut)}, read whole ${JSON.stringify(once)}`,
      );
    return bank(bytes, fileName);
  };

/** A few dozen demo incidents: enough rows to mutate, small enough to read thousands of times. */
function demoIncidentLines(): string {
  return demoIncidentsCsv().split('\n').slice(0, 40).join('\n') + '\n';
}

// The claim file example of issue 4 (docs/claims.md): a 2019 offence ruled on in January 2021.
const CLAIM = {
  pack: 'kz',
  offence: {
    article: '460-1',
    tier: 'inaccurate-information',
    committedOn: '2019-04-10',
    continuing: false,
    discoveredOn: '2020-11-26',
  },
  offender: 'legal-entity',
  proceedingsStartedOn: '2021-01-05',
  rulingOn: '2021-01-15',
  servedOn: '2021-01-15',
  penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
  priorPenalties: [{ article: '460-1', tier: 'failure-to-notify', finalOn: '2020-05-02' }],
};

export const FILE_TARGETS: readonly FuzzTarget[] = [
  {
    name: '1C statements',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      ...fromDir(BANK_DIR, [
        '1c-kz.utf8.txt',
        '1c-ru.windows-1251.txt',
        '1c-ru.cp866.txt',
        '1c-ru.utf8-bom.txt',
      ]),
      ...fromDir(SEED_DIR, ['1c-after-end.txt']),
    ],
    read: bank,
  },
  {
    name: 'MT940 statements',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      ...fromDir(BANK_DIR, ['mt940.sta']),
      ...fromDir(SEED_DIR, ['mt940-duplicated-statement.sta']),
    ],
    read: streamed(openMt940Stream),
  },
  {
    name: 'CAMT.053 statements',
    xml: true,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      ...fromDir(BANK_DIR, ['camt053.xml']),
      ...fromDir(SEED_DIR, ['camt053-doctype-entities.xml', 'camt053-deep-nesting.xml']),
    ],
    read: streamed(openCamtStream),
  },
  {
    name: 'CSV statements',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      ...fromDir(BANK_DIR, ['statement.csv']),
      ...fromDir(SEED_DIR, ['bank-currency-header.csv']),
    ],
    read: bank,
  },
  {
    name: 'NBK rates (XML and CSV)',
    xml: true,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      ...fromDir(RATES_DIR, ['nbk-rates.xml', 'rates.csv']),
      ...fromDir(SEED_DIR, [
        'rates-unit-header.csv',
        'nbk-rates-external-entity.xml',
        'nbk-rates-parameter-entity.xml',
      ]),
    ],
    read: (bytes, fileName) => outcome(parseRates(bytes, { fileName })),
  },
  {
    name: 'incidents CSV',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      { name: 'incidents.csv', bytes: encoder.encode(demoIncidentLines()) },
      ...fromDir(SEED_DIR, ['incidents-long-value.csv']),
    ],
    read: (bytes, fileName) => outcome(parseIncidentsCsv(bytes, { fileName })),
  },
  {
    name: 'incidents JSON',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => {
      const parsed = parseIncidentsCsv(encoder.encode(demoIncidentLines()), { fileName: 'incidents.csv' });
      if (!parsed.ok) throw new Error(`the demo incidents do not read: ${parsed.error.message}`);
      return [{ name: 'incidents.json', bytes: encoder.encode(renderIncidentsJson(parsed.value.incidents)) }];
    },
    read: (bytes, fileName) => outcome(parseIncidentsJson(bytes, { fileName })),
  },
  {
    name: 'claim files',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () => [
      { name: 'claim.json', bytes: encoder.encode(JSON.stringify(CLAIM, null, 2)) },
      {
        name: 'claim-continuing.json',
        bytes: encoder.encode(
          JSON.stringify({ ...CLAIM, offence: { ...CLAIM.offence, continuing: true } }, null, 2),
        ),
      },
    ],
    read: (bytes, fileName) => outcome(parseClaimFile(bytes, { fileName })),
  },
  {
    name: 'case files',
    xml: false,
    namesFile: true,
    tamperEvident: false,
    corpus: () =>
      DEMO_CASES.slice(0, 3).map(({ org: _org, ...c }, i) => ({
        name: `case-${String(i + 1)}.json`,
        bytes: encoder.encode(JSON.stringify(c, null, 2)),
      })),
    read: (bytes, fileName) => outcome(parseCaseFile(bytes, { fileName })),
  },
];

/** The proof bundle reader, over bundles exported from a demo database (see parsers-fuzz.test.ts). */
export function bundleTarget(bundles: readonly CorpusFile[]): FuzzTarget {
  return {
    name: 'proof bundles',
    xml: false,
    namesFile: false,
    tamperEvident: true,
    corpus: () => bundles,
    read: (bytes) => {
      const v = verifyBundle(bytes);
      return v.ok
        ? { ok: true }
        : { ok: false, code: v.fault.code, field: v.fault.where, message: v.fault.message };
    },
  };
}
