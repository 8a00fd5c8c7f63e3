import type { ParsedStatement, Result, StatementLine } from '@civic/core';
import { LineSplitter } from './line-reader.ts';
import { mt940Machine } from './mt940-statement.ts';
import { Mt940TagSplitter } from './mt940-tags.ts';
import { parseWithStream, type StatementStream } from './statement-stream.ts';
import { isValidUtf8, type TextEncoding } from './text-decode.ts';

/** Whether bytes are UTF-8, a character cut at their end not counting against them. */
function isUtf8Head(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * An MT940 file is UTF-8 when its bytes are, else Windows-1251 (Russian banks). A file read whole
 * is judged whole; a larger one by its first MiB (`STREAM_HEAD_BYTES`), where its first Cyrillic
 * `:86:` stands: a Windows-1251 text is practically never valid UTF-8.
 */
export function mt940Encoding(head: Uint8Array, complete: boolean): TextEncoding {
  return (complete ? isValidUtf8(head) : isUtf8Head(head)) ? 'utf-8' : 'windows-1251';
}

/**
 * Reads MT940/MT942 chunk by chunk: decoded incrementally, split into rows and tags, each
 * statement (page) checked as it closes and its lines handed on (`mt940Machine`).
 */
export function openMt940Stream(
  file: string,
): (head: Uint8Array, complete: boolean, onLine: (l: StatementLine) => void) => StatementStream {
  return (head, complete, onLine) => {
    const encoding = mt940Encoding(head, complete);
    const machine = mt940Machine(file, onLine);
    const tags = new Mt940TagSplitter(machine.token);
    const splitter = new LineSplitter(encoding, file);
    const line = (text: string): void => tags.line(text);
    return {
      covers: machine.covers,
      push: (chunk) => splitter.push(chunk, line),
      end: () => {
        splitter.end(line);
        tags.end();
        return { format: 'mt940', file, encoding, ...machine.finish() };
      },
    };
  };
}

/**
 * Parses SWIFT MT940 customer statements and MT942 interim reports: several per file, wrapped in
 * SWIFT blocks or not; each statement, and each `:60M:`…`:62M:` page of it, balanced on its own;
 * `:86:` in free, `?NN` or `/KEY/` form. The streamed reader over the whole file; never throws on
 * bad input.
 */
export function parseMt940Statement(bytes: Uint8Array, fileName: string): Result<ParsedStatement> {
  return parseWithStream(bytes, openMt940Stream(fileName));
}
