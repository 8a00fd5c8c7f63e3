import {
  err,
  ok,
  type CurrencyCode,
  type ParsedStatement,
  type Result,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { readHead, type ByteSource } from './byte-source.ts';
import { catchAbort, importFail, ImportAbort } from './import-error.ts';
import { LineSplitter } from './line-reader.ts';
import { OnecStatementBuilder, type OnecSummary } from './onec-builder.ts';
import { detectOnecEncoding, ONEC_PROBE_BYTES } from './onec-encoding.ts';
import { OnecFieldResolver } from './onec-fields.ts';
import { OnecLineReader } from './onec-reader.ts';
import type { OpenStatementStream } from './statement-stream.ts';
import type { TextEncoding } from './text-decode.ts';

export interface OnecOptions {
  readonly fileName: string;
  /** Extra field spellings: the bank's name → a known 1C field (see docs/formats.md). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The currency when the file names none (1C files usually do not): KZT unless given. */
  readonly defaultCurrency?: CurrencyCode;
}

/** A streamed 1C statement's account balances and warnings; its lines went to `onLine`. */
export interface OnecStreamSummary extends OnecSummary {
  readonly format: '1c';
  readonly file: string;
  readonly encoding: TextEncoding;
}

function aliasError(options: OnecOptions): Result<never> | null {
  const userAliases = options.aliases ?? {};
  const bad = OnecFieldResolver.invalidTargets(userAliases);
  if (bad.length === 0) return null;
  const from = bad[0] ?? '';
  return importFail(
    'IMPORT_ALIAS_INVALID',
    `alias "${from}" → "${userAliases[from] ?? ''}" names no known 1C field`,
    options.fileName,
    undefined,
    from,
  );
}

/** The reader, builder and line splitter of one 1C file, fed chunk by chunk. */
function onecPipeline(
  head: Uint8Array,
  options: OnecOptions,
  onLine: (line: StatementLine) => void,
  checkLines: boolean,
): {
  encoding: TextEncoding;
  push: (chunk: Uint8Array) => void;
  end: () => OnecSummary;
} {
  const file = options.fileName;
  const { encoding, warnings: encodingWarnings } = detectOnecEncoding(head);
  const warnings: StatementWarning[] = [...encodingWarnings];
  const builder = new OnecStatementBuilder(file, options.defaultCurrency, warnings, onLine, checkLines);
  const reader = new OnecLineReader(file, new OnecFieldResolver(options.aliases ?? {}), builder);
  const splitter = new LineSplitter(encoding, file);
  const line = (text: string): void => reader.line(text);
  return {
    encoding,
    push: (chunk) => splitter.push(chunk, line),
    end: () => {
      splitter.end(line);
      reader.end();
      return builder.finish(reader.unknown);
    },
  };
}

/** Parses a 1C "1CClientBankExchange" statement (Russian or Kazakh field set, any of its encodings). */
export function parseOnecStatement(bytes: Uint8Array, options: OnecOptions): Result<ParsedStatement> {
  const bad = aliasError(options);
  if (bad) return bad;
  return catchAbort(() => {
    const lines: StatementLine[] = [];
    const p = onecPipeline(bytes.subarray(0, ONEC_PROBE_BYTES), options, (l) => lines.push(l), false);
    // Decoded a MiB at a time: even a file given whole is never turned into one string.
    for (let at = 0; at < bytes.length; at += 1 << 20) p.push(bytes.subarray(at, at + (1 << 20)));
    const { accounts, warnings } = p.end();
    return ok({
      format: '1c',
      file: options.fileName,
      encoding: p.encoding,
      accounts,
      lines,
      warnings,
    } satisfies ParsedStatement);
  });
}

/**
 * Reads a 1C statement from a byte source of any size in constant memory: the encoding is
 * detected from the head, the rest decoded chunk by chunk and each document's lines handed to
 * `onLine` as soon as it is closed (checked as they go: account numbers, booking dates). An error
 * anywhere is returned, naming file, line and field; the caller's transaction rolls back.
 */
export async function readOnecStatement(
  source: ByteSource,
  options: OnecOptions,
  onLine: (line: StatementLine) => void | Promise<void>,
): Promise<Result<OnecStreamSummary>> {
  const bad = aliasError(options);
  if (bad) return bad;
  try {
    const { head, source: chunks } = await readHead(source, ONEC_PROBE_BYTES);
    const pending: StatementLine[] = [];
    const p = onecPipeline(head, options, (l) => pending.push(l), true);
    const drain = async (): Promise<void> => {
      for (const l of pending) {
        const written = onLine(l);
        if (written !== undefined) await written;
      }
      pending.length = 0;
    };
    for await (const chunk of chunks) {
      p.push(chunk);
      await drain();
    }
    const summary = p.end();
    await drain();
    return ok({ format: '1c', file: options.fileName, encoding: p.encoding, ...summary });
  } catch (e) {
    if (e instanceof ImportAbort) return err(e.error);
    throw e;
  }
}

/**
 * The 1C reader as a statement stream (lines checked as they go; its balance sections' arithmetic
 * recorded by whoever runs it: an import accepted unbalanced). An invalid alias is the error.
 */
export function openOnecStream(options: OnecOptions): Result<OpenStatementStream> {
  const bad = aliasError(options);
  if (bad) return bad;
  return ok((head, _complete, onLine) => {
    const p = onecPipeline(head.subarray(0, ONEC_PROBE_BYTES), options, onLine, true);
    return {
      push: p.push,
      end: () => {
        const { accounts, warnings } = p.end();
        return {
          format: '1c',
          file: options.fileName,
          encoding: p.encoding,
          accounts,
          warnings,
          duplicateLines: 0,
        };
      },
    };
  });
}
