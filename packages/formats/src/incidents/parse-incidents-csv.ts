import {
  domainError,
  err,
  ok,
  type CalendarDate,
  type DomainError,
  type IncidentInput,
  type Result,
  type Visibility,
} from '@civic/core';
import { unguardCsvCell } from '../csv-cell.ts';
import { CsvRecordReader, type CsvRecord } from './csv-records.ts';
import {
  buildIncident,
  latestIncidentDate,
  INCIDENT_CSV_COLUMNS,
  REQUIRED_INCIDENT_COLUMNS,
  type IncidentColumn,
  type IncidentFieldText,
  type PlaceCache,
} from './incident-fields.ts';

export interface IncidentParseOptions {
  readonly fileName: string;
  /** Who may see the incidents (default `public`). */
  readonly visibility?: Visibility;
  /** The owner organisation's id (required by `private` upstream; recorded as given). */
  readonly ownerOrganisationId?: string | null;
  /** Today in the caller's time zone: an incident dated more than a year after it is refused. */
  readonly today?: CalendarDate;
}

export interface ParsedIncidents {
  readonly incidents: IncidentInput[];
  readonly warnings: DomainError[];
}

/**
 * Parses an incident CSV (columns in docs/formats.md; UTF-8 with or without BOM, RFC 4180
 * quoting; header required, column order taken from it). Any bad row fails the whole file with
 * an error naming the file, line and field. Never throws on input.
 */
export function parseIncidentsCsv(bytes: Uint8Array, options: IncidentParseOptions): Result<ParsedIncidents> {
  const text = decodeUtf8(bytes, options.fileName);
  if (!text.ok) return text;
  const reader = new IncidentCsvReader(options);
  const first = reader.push(text.value);
  if (!first.ok) return first;
  const last = reader.end();
  if (!last.ok) return last;
  return ok({ incidents: [...first.value, ...last.value], warnings: reader.warnings });
}

/** Strict UTF-8 (a leading BOM is dropped); an invalid byte is an error, never a replacement character. */
export function decodeUtf8(bytes: Uint8Array, fileName: string): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err(domainError('IMPORT_ENCODING_INVALID', 'the file is not valid UTF-8', { file: fileName }));
  }
}

/**
 * The streaming form of parseIncidentsCsv: push text chunks (decode bytes with
 * `new TextDecoder('utf-8', { fatal: true })` and `{ stream: true }`), take the incidents each
 * push completes, then call end(). Memory stays bounded by the batch the caller holds.
 */
export class IncidentCsvReader {
  readonly warnings: DomainError[] = [];
  private readonly records: CsvRecordReader;
  private columns: (IncidentColumn | null)[] | null = null;
  private readonly placeCache: PlaceCache = new Map();
  private rows = 0;
  private sawBom = false;

  constructor(private readonly options: IncidentParseOptions) {
    this.records = new CsvRecordReader(options.fileName);
  }

  /** Rows read so far (data rows, not the header). */
  get rowCount(): number {
    return this.rows;
  }

  push(text: string): Result<IncidentInput[]> {
    let chunk = text;
    if (!this.sawBom) {
      this.sawBom = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const records = this.records.push(chunk);
    return records.ok ? this.convert(records.value) : records;
  }

  end(): Result<IncidentInput[]> {
    const records = this.records.end();
    if (!records.ok) return records;
    const out = this.convert(records.value);
    if (out.ok && this.columns === null) {
      return err(
        domainError('IMPORT_EMPTY_FILE', `the file has no header line (${INCIDENT_CSV_COLUMNS.join(',')})`, {
          file: this.options.fileName,
          line: 1,
        }),
      );
    }
    return out;
  }

  private convert(records: readonly CsvRecord[]): Result<IncidentInput[]> {
    const out: IncidentInput[] = [];
    const file = this.options.fileName;
    const buildOptions = {
      visibility: this.options.visibility ?? 'public',
      ownerOrganisationId: this.options.ownerOrganisationId ?? null,
      latestDate: this.options.today ? latestIncidentDate(this.options.today) : null,
    } as const;
    for (const record of records) {
      if (this.columns === null) {
        const header = readHeader(record, file);
        if (!header.ok) return header;
        this.columns = header.value;
        continue;
      }
      if (record.fields.length === 1 && record.fields[0]?.trim() === '') continue;
      if (record.fields.length !== this.columns.length) {
        return err(
          domainError(
            'IMPORT_FIELD_COUNT',
            `the row has ${record.fields.length} fields; the header has ${this.columns.length}`,
            { file, line: record.line },
          ),
        );
      }
      const text: IncidentFieldText = {};
      const columns = this.columns;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        // The guard our own export puts before `=`, `+`, `-`, `@` comes off: the round trip is exact.
        if (column !== null && column !== undefined) text[column] = unguardCsvCell(record.fields[i] ?? '');
      }
      this.rows += 1;
      const incident = buildIncident(
        text,
        { file, line: record.line },
        buildOptions,
        this.warnings,
        this.placeCache,
      );
      if (!incident.ok) return incident;
      out.push(incident.value);
    }
    return ok(out);
  }
}

function readHeader(record: CsvRecord, file: string): Result<(IncidentColumn | null)[]> {
  const known = new Set<string>(INCIDENT_CSV_COLUMNS);
  const columns: IncidentColumn[] = [];
  for (const raw of record.fields) {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) {
      return err(
        domainError(
          'IMPORT_UNKNOWN_COLUMN',
          `unknown column "${raw}"; the columns are ${INCIDENT_CSV_COLUMNS.join(',')}`,
          { file, line: record.line, field: raw },
        ),
      );
    }
    const column = INCIDENT_CSV_COLUMNS.find((c) => c === name);
    if (column === undefined) continue;
    if (columns.includes(column))
      return err(
        domainError('IMPORT_DUPLICATE_COLUMN', `column "${column}" appears twice`, {
          file,
          line: record.line,
          field: column,
        }),
      );
    columns.push(column);
  }
  for (const required of REQUIRED_INCIDENT_COLUMNS) {
    if (!columns.includes(required))
      return err(
        domainError('IMPORT_MISSING_COLUMN', `the header has no "${required}" column`, {
          file,
          line: record.line,
          field: required,
        }),
      );
  }
  return ok(columns);
}
