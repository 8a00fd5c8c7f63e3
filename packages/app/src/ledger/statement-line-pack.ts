import type { CalendarDate, CurrencyCode, StatementLine } from '@civic/core';

/**
 * Statement lines packed for the trip from the reading worker to the import's thread: one string
 * holding every field of every line one after the other, and one Int32Array of their lengths
 * (transferred, not copied). A thousand lines cross as two values, not a thousand objects cloned
 * one by one; the receiving side cuts the string back into fields (no separator to escape: any
 * character, NUL included, may be in a field).
 */
export interface PackedLines {
  readonly text: string;
  readonly lengths: Int32Array<ArrayBuffer>;
  readonly count: number;
}

/** Fields per line: the fingerprint, then the line's own (see `add`). */
const FIELDS = 20;
/** A null field. */
const NULL = -1;
/** An optional field left out (valueDate, extras). */
const ABSENT = -2;
/**
 * Characters a batch's text reaches before it is sent, whatever its count of lines: the string
 * stays under V8's large-object size (128 KiB; two bytes a character once a field is Cyrillic) on
 * both threads, so it dies young in a scavenge. A larger one is allocated in the old generation,
 * where only a full collection frees it: at 1,000 lines a batch (about 1.6 MB) each thread's heap
 * grew by tens of megabytes of dead batches between full collections.
 */
export const BATCH_CHARS = 48 * 1024;

/** Lines packed one by one until taken as a batch. */
export class LinePacker {
  private text = '';
  private readonly lengths: Int32Array<ArrayBuffer>;
  private at = 0;
  count = 0;

  constructor(private readonly capacity: number) {
    this.lengths = new Int32Array(capacity * FIELDS);
  }

  private put(value: string | null | undefined): void {
    if (value === undefined) this.lengths[this.at++] = ABSENT;
    else if (value === null) this.lengths[this.at++] = NULL;
    else {
      this.text += value;
      this.lengths[this.at++] = value.length;
    }
  }

  /** Adds a line and its fingerprint; says whether the batch is full (lines or BATCH_CHARS). */
  add(line: StatementLine, fingerprint: string): boolean {
    const cp = line.counterparty;
    this.put(fingerprint);
    this.put(String(line.sourceLine));
    this.put(line.account);
    this.put(line.direction);
    this.put(line.amount.toString());
    this.put(line.currency);
    this.put(line.bookedOn);
    this.put(line.documentDate);
    this.put(line.valueDate);
    this.put(line.documentNumber);
    this.put(cp.name);
    this.put(cp.taxId);
    this.put(cp.account);
    this.put(cp.bankCode);
    this.put(cp.sectorCode);
    this.put(cp.country);
    this.put(line.purpose);
    this.put(line.purposeCode);
    this.put(line.bankReference);
    this.put(line.extras === undefined ? undefined : JSON.stringify(line.extras));
    this.count += 1;
    return this.count >= this.capacity || this.text.length >= BATCH_CHARS;
  }

  /** The lines packed so far, handed over; the packer starts afresh. */
  take(): PackedLines {
    const batch = { text: this.text, lengths: this.lengths.slice(0, this.at), count: this.count };
    this.text = '';
    this.at = 0;
    this.count = 0;
    return batch;
  }
}

/**
 * A batch's lines read back in order. The lines carry no `raw` fields (nothing the import writes
 * reads them; the dry run, which shows them, reads on its own thread).
 */
export class PackedLineReader {
  private field = 0;
  private offset = 0;
  private index = 0;

  constructor(private readonly batch: PackedLines) {}

  get done(): boolean {
    return this.index >= this.batch.count;
  }

  private next(): string | null | undefined {
    const n = this.batch.lengths[this.field++] ?? NULL;
    if (n < 0) return n === NULL ? null : undefined;
    const value = this.batch.text.slice(this.offset, this.offset + n);
    this.offset += n;
    return value;
  }

  private text(): string {
    return this.next() ?? '';
  }

  /** The next line and its fingerprint. */
  read(): { readonly line: StatementLine; readonly fingerprint: string } {
    this.index += 1;
    const fingerprint = ownCopy(this.text());
    const sourceLine = Number(this.text());
    const account = this.text();
    const direction = this.text() === 'in' ? 'in' : 'out';
    const amount = BigInt(this.text());
    // Dates and currencies were checked by the reader on the other side; only their brand is lost.
    const currency = this.text() as CurrencyCode;
    const bookedOn = this.text() as CalendarDate;
    const documentDate = (this.next() ?? null) as CalendarDate | null;
    const valueDate = this.next() as CalendarDate | null | undefined;
    const documentNumber = this.next() ?? null;
    const counterparty = {
      name: this.next() ?? null,
      taxId: this.next() ?? null,
      account: this.next() ?? null,
      bankCode: this.next() ?? null,
      sectorCode: this.next() ?? null,
      country: this.next() ?? null,
    };
    const purpose = this.next() ?? null;
    const purposeCode = this.next() ?? null;
    const bankReference = this.next() ?? null;
    const extras = this.next();
    const line: StatementLine = {
      sourceLine,
      account,
      direction,
      amount,
      currency,
      bookedOn,
      documentDate,
      ...(valueDate === undefined ? {} : { valueDate }),
      documentNumber,
      counterparty,
      purpose,
      purposeCode,
      bankReference,
      raw: NO_RAW,
      ...(typeof extras === 'string' ? { extras: JSON.parse(extras) as Record<string, string> } : {}),
    };
    return { line, fingerprint };
  }
}

const NO_RAW: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The text again, not as a view of the batch's text: a slice of 13 characters or more keeps its
 * whole batch alive in V8 (about 100 KB), and a fingerprint is kept beyond its batch (a candidate
 * waits for its insert with it). Joined to a space, the text is made flat on its own, then cut.
 */
function ownCopy(text: string): string {
  return `${text} `.slice(0, -1);
}
