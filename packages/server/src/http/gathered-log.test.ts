import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatheredLog } from './gathered-log.ts';

// Real parts: the stream itself, with a recording sink and Vitest's fake clock.
describe('gathered log stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes lines together, in order, once the first has waited its while', () => {
    const written: string[] = [];
    const log = gatheredLog((t) => written.push(t));
    log.write('{"a":1}\n');
    log.write('{"b":2}\n');
    expect(written).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(written).toEqual(['{"a":1}\n{"b":2}\n']);
    log.write('{"c":3}\n');
    vi.advanceTimersByTime(60);
    expect(written).toEqual(['{"a":1}\n{"b":2}\n', '{"c":3}\n']);
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(2);
  });

  it('writes at once when many characters wait, and on flush, losing and repeating nothing', () => {
    const written: string[] = [];
    const log = gatheredLog((t) => written.push(t));
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 20; i++) log.write(line);
    expect(written).toHaveLength(1);
    log.write('last\n');
    log.flush();
    log.flush();
    expect(written.join('')).toBe(line.repeat(20) + 'last\n');
    vi.advanceTimersByTime(1000);
    expect(written.join('')).toBe(line.repeat(20) + 'last\n');
  });
});
