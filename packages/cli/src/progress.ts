import { formatNumber } from '@civic/core';
/**
 * A progress bar on standard error when it is a terminal; silent otherwise (pipes, CI, --json
 * consumers read stdout only).
 */
export interface Progress {
  update(done: number, total?: number): void;
  finish(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = 30;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = total
        ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0)}%`
        : '';
      stream.write(
        `\r${label} ${bar} ${formatNumber('en', done)}${total ? `/${formatNumber('en', total)}` : ''}`,
      );
    },
    finish() {
      stream.write('\n');
    },
  };
}
