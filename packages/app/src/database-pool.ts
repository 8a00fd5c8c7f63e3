import { domainError, err, ok, type Result } from '@civic/core';
import type { PgPoolOptions } from '@civic/store';

/**
 * Connections each server process keeps to PostgreSQL, all opened at its start and kept: 4 unless
 * PG_POOL_SIZE says otherwise (a whole number from 1 to 100). A process runs one request's code
 * at a time on its thread and waits for the database in between, so a few connections keep it busy;
 * more, opened when requests pile up, cost PostgreSQL a new backend each just when it is busiest
 * (see PgPoolOptions). A larger database server may take more: PG_POOL_SIZE × WEB_CONCURRENCY ×
 * the machines must stay under its max_connections.
 */
export const DEFAULT_PG_POOL_SIZE = 4;

export function parsePgPoolSize(env: Readonly<Record<string, string | undefined>>): Result<PgPoolOptions> {
  const raw = env['PG_POOL_SIZE']?.trim();
  if (raw === undefined || raw === '') return ok({ max: DEFAULT_PG_POOL_SIZE, warm: DEFAULT_PG_POOL_SIZE });
  if (!/^[1-9]\d{0,2}$/.test(raw) || Number(raw) > 100)
    return err(
      domainError('CLI_OPTION_INVALID', 'PG_POOL_SIZE must be a whole number from 1 to 100', {
        field: 'PG_POOL_SIZE',
      }),
    );
  return ok({ max: Number(raw), warm: Number(raw) });
}
