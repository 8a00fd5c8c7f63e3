import { domainError, err, type IncidentInput, type Result } from '@civic/core';
import { IncidentCsvReader, type IncidentParseOptions } from '@civic/formats/incidents';

/**
 * An incident CSV file's bytes, piece by piece, to incidents: UTF-8 decoded as it streams (a
 * character may span two pieces) and parsed by IncidentCsvReader. The same on the import's own
 * thread and on its parsing thread (incident-rows.worker.ts), so both refuse a file alike.
 */
export class IncidentCsvDecoder {
  private readonly reader: IncidentCsvReader;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly options: IncidentParseOptions) {
    this.reader = new IncidentCsvReader(options);
  }

  get warnings(): IncidentCsvReader['warnings'] {
    return this.reader.warnings;
  }

  push(bytes: Uint8Array): Result<IncidentInput[]> {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      return err(
        domainError('IMPORT_ENCODING_INVALID', 'the file is not valid UTF-8', {
          file: this.options.fileName,
        }),
      );
    }
    return this.reader.push(text);
  }

  /** The last rows, after the last piece. */
  end(): Result<IncidentInput[]> {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      return err(
        domainError('IMPORT_ENCODING_INVALID', 'the file is not valid UTF-8 (it ends inside a character)', {
          file: this.options.fileName,
        }),
      );
    }
    const last = this.reader.push(text);
    if (!last.ok) return last;
    const rest = this.reader.end();
    if (!rest.ok) return rest;
    for (const incident of rest.value) last.value.push(incident);
    return last;
  }
}
