import { detectOnecEncoding, ONEC_PROBE_BYTES } from './onec-encoding.ts';
import { OnecFieldResolver } from './onec-fields.ts';
import { ImportAbort } from './import-error.ts';
import { OnecLineReader, type OnecUnknownField } from './onec-reader.ts';
import { LineSplitter } from './line-reader.ts';

const IGNORE = { header: () => undefined, balance: () => undefined, document: () => undefined };

/**
 * The fields of a 1C file that the importer does not read (neither known nor aliased), each with the
 * line it first appears on — also when the file cannot be imported: the reader runs without the
 * statement builder, so a document whose amount or date sits under a bank's own name (the error
 * that stops the import) still lists that name, for the import page to offer an alias. Stops at the
 * first line the reader itself refuses and lists what it saw before it. Reads only the first `limit`
 * bytes (the preview's whole file by default).
 */
export function onecUnknownFields(
  bytes: Uint8Array,
  aliases: Readonly<Record<string, string>> = {},
  limit = bytes.length,
): OnecUnknownField[] {
  const { encoding } = detectOnecEncoding(bytes.subarray(0, ONEC_PROBE_BYTES));
  const reader = new OnecLineReader('', new OnecFieldResolver(aliases), IGNORE);
  const splitter = new LineSplitter(encoding, '');
  const line = (text: string): void => reader.line(text);
  try {
    const end = Math.min(limit, bytes.length);
    for (let at = 0; at < end; at += 1 << 20)
      splitter.push(bytes.subarray(at, Math.min(end, at + (1 << 20))), line);
    splitter.end(line);
  } catch (e) {
    if (!(e instanceof ImportAbort)) throw e;
  }
  return [...reader.unknown];
}
