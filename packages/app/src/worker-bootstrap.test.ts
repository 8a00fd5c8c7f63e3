import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWorker, workerExecArgv } from './worker-bootstrap.ts';

// A worker starts with this process's Node options, less what a worker refuses or does not need:
// tsx's loader and heap sizes (the benches start node with --max-old-space-size=8192, and an
// import's worker then failed with ERR_WORKER_INVALID_EXEC_ARGV); any other option a worker
// refuses starts it with none. Real worker threads.
const answer = (w: Worker): Promise<unknown> =>
  new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
const SAY = "require('node:worker_threads').parentPort.postMessage(process.execArgv)";

describe('workerExecArgv', () => {
  const argv = [
    '--import',
    'tsx',
    '--max-old-space-size=8192',
    '--enable-source-maps',
    '--max-semi-space-size',
    '16',
  ];

  it('keeps the options a worker takes and drops the loader and heap sizes', () => {
    expect(workerExecArgv(argv)).toEqual(['--enable-source-maps']);
    expect(workerExecArgv(['--loader=tsx', '--max_old_space_size=512', '--enable-source-maps'])).toEqual([
      '--enable-source-maps',
    ]);
  });

  it('starts a real worker with them, where the options as given are refused', async () => {
    expect(() => new Worker('0', { eval: true, execArgv: ['--max-old-space-size=8192'] })).toThrow(
      expect.objectContaining({ code: 'ERR_WORKER_INVALID_EXEC_ARGV' }),
    );
    const w = new Worker(SAY, { eval: true, execArgv: workerExecArgv(argv) });
    expect(await answer(w)).toEqual(['--enable-source-maps']);
  });

  it('starts a worker with no options when one the process has is refused (a V8 option)', async () => {
    expect(() => new Worker('0', { eval: true, execArgv: ['--expose-gc'] })).toThrow(
      expect.objectContaining({ code: 'ERR_WORKER_INVALID_EXEC_ARGV' }),
    );
    const saved = process.execArgv;
    Object.defineProperty(process, 'execArgv', { value: ['--expose-gc'], configurable: true });
    try {
      expect(await answer(startWorker(SAY, {}))).toEqual([]);
    } finally {
      Object.defineProperty(process, 'execArgv', { value: saved, configurable: true });
    }
  });
});
