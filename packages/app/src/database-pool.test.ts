import { describe, expect, it } from 'vitest';
import { DEFAULT_PG_POOL_SIZE, parsePgPoolSize } from './database-pool.ts';

describe('PG_POOL_SIZE', () => {
  it.each([
    [undefined, DEFAULT_PG_POOL_SIZE],
    ['', DEFAULT_PG_POOL_SIZE],
    [' 12 ', 12],
    ['1', 1],
    ['100', 100],
  ])('%j opens and keeps %i connections', (raw, n) => {
    expect(parsePgPoolSize({ PG_POOL_SIZE: raw })).toEqual({ ok: true, value: { max: n, warm: n } });
  });

  it.each(['0', '101', '-3', '4.5', 'four', '1e2', '0x10'])('refuses %j, naming the variable', (raw) => {
    const r = parsePgPoolSize({ PG_POOL_SIZE: raw });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CLI_OPTION_INVALID');
      expect(r.error.field).toBe('PG_POOL_SIZE');
    }
  });
});
