import { OpenContextError } from '@civic/app';
import { CommanderError } from 'commander';
import { createProgram } from './cli-program.ts';
import { describeErrorIn, errorLang } from './lang/error-report.ts';
import { CliError, errorJson, toJson } from './output.ts';

export interface InProcessRun {
  /** The exit code `civic` would end with (the error's code for an expected error). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `civic ARGS` in this process (tests: no ~3 s child process each), with `env` laid over the
 * process's environment for the run. Standard output and error are captured while it runs; an
 * expected error gives its exit code and its message on stderr, as main.ts would.
 */
export async function runInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<InProcessRun> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  const write = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  const before = process.exitCode;
  process.exitCode = 0;
  let code: number;
  try {
    await createProgram(errorLang(args)).parseAsync(['node', 'civic', ...args]);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CliError) {
      err.push(`civic: ${describeErrorIn({ ...e.error, message: e.message }, errorLang(args))}\n`);
      // As main.ts: with --json the error is printed as JSON on standard output too.
      if (args.includes('--json')) out.push(`${toJson({ error: errorJson(e.error) })}\n`);
      code = e.exitCode;
    } else if (e instanceof OpenContextError) {
      err.push(`civic: ${describeErrorIn(e.error, errorLang(args))}\n`);
      code = 2;
    } else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else throw e;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = before;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
