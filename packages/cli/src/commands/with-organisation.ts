import { accessSync, closeSync, constants, openSync, readFileSync, readSync, statSync } from 'node:fs';
import {
  closeContext,
  openContext,
  resolveOrganisation,
  type AppContext,
  type OrganisationRow,
} from '@civic/app';
import { CliError, orFail } from '../output.ts';

/** Opens the database, resolves `--org` (optional while the database has one organisation), runs, closes. */
export async function withOrganisation<T>(
  opts: { db: string; org?: string | undefined },
  fn: (ctx: AppContext, org: OrganisationRow) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(opts.db);
  try {
    const org = orFail(await resolveOrganisation(ctx, opts.org));
    return await fn(ctx, org);
  } finally {
    await closeContext(ctx);
  }
}

/** Reads an input file, or fails with exit 2 naming it. */
export function readInputFile(fileName: string, code = 'IMPORT_FILE_UNREADABLE'): Buffer {
  try {
    return readFileSync(fileName);
  } catch {
    throw new CliError({ code, message: `cannot read ${fileName}`, file: fileName });
  }
}

/** The size of a file to be read in chunks, or fails with exit 2 naming it (missing, a directory, unreadable). */
export function inputFileSize(fileName: string, code = 'IMPORT_FILE_UNREADABLE'): number {
  try {
    const s = statSync(fileName);
    if (!s.isFile()) throw new Error('not a file');
    accessSync(fileName, constants.R_OK);
    return s.size;
  } catch {
    throw new CliError({ code, message: `cannot read ${fileName}`, file: fileName });
  }
}

/** The first `bytes` bytes of a file (fewer when it is shorter); an empty head when it cannot be read. */
export function readFileHead(fileName: string, bytes: number): Uint8Array {
  try {
    const fd = openSync(fileName, 'r');
    try {
      const head = new Uint8Array(bytes);
      return head.subarray(0, readSync(fd, head, 0, bytes, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
}

/** Reads a JSON file, or fails with exit 2 naming it (and the line of a syntax error when known). */
export function readJsonFile(fileName: string, code: string): unknown {
  const text = readInputFile(fileName, code)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError({
      code,
      message: `${fileName} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
      file: fileName,
    });
  }
}

/** `--x a --x b` collects into a list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
