/** How long a log line may wait for others before the gathered lines are written, in ms. */
const FLUSH_MS = 50;
/** Lines gathered past this many characters are written at once. */
const MAX_CHARS = 16_384;

export interface GatheredLog {
  /** The logger's stream: takes one line (pino writes each with its newline). */
  write(line: string): void;
  /** Writes what is gathered now (also done on the process's exit). */
  flush(): void;
}

/**
 * The server's log stream: lines are gathered and written together at most FLUSH_MS after the
 * first of them, or when MAX_CHARS are waiting, and whatever waits on the process's exit (an
 * uncaught error included; a SIGKILL loses at most FLUSH_MS of lines). Standard output is a
 * synchronous write per call on Linux: one write per request line cost a server process ~8% of
 * its CPU at 200 requests/s (the web bench's profiles); gathered, a few writes a second remain.
 */
export function gatheredLog(sink: (text: string) => void = (t) => void process.stdout.write(t)): GatheredLog {
  let lines: string[] = [];
  let chars = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    chars = 0;
    sink(text);
  };
  process.once('exit', flush);
  return {
    write(line) {
      lines.push(line);
      chars += line.length;
      if (chars >= MAX_CHARS) flush();
      else if (timer === undefined) timer = setTimeout(flush, FLUSH_MS).unref();
    },
    flush,
  };
}
