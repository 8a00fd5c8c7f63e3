import type { ColumnType } from 'kysely';
import type { AccountTables } from './accounts.tables.ts';
import type { BriefTables } from './brief.tables.ts';
import type { CaseTables } from './case.tables.ts';
import type { IncidentTables } from './incident.tables.ts';
import type { LedgerTables } from './ledger.tables.ts';
import type { LogTables } from './log.tables.ts';
import type { FilingTables } from './filing.tables.ts';
import type { NotificationTables } from './notification.tables.ts';
import type { ObligationStoreTables } from './obligation-store.tables.ts';

/** An integer column: bigint when read on both dialects; number or bigint accepted on write. */
export type Int = ColumnType<bigint, bigint | number, bigint | number>;
/** A 0/1 flag stored as an integer (SQLite has no boolean). */
export type Flag = ColumnType<bigint, 0 | 1 | bigint, 0 | 1 | bigint>;

export interface OrganisationTable {
  id: string;
  name: string;
  bin: string | null;
  country: ColumnType<string, string | undefined, string>;
  city: string | null;
  illustrative: ColumnType<bigint | number, 0 | 1 | undefined, 0 | 1>;
  created_at: string;
  /** JSON array of the organisation's other names (migration 571). */
  aliases: ColumnType<string, string | undefined, string>;
}

export interface SettingTable {
  key: string;
  value: string;
}

/**
 * The whole schema. Each capability declares its tables in its own `*.tables.ts` file and adds
 * them here with one `extends`.
 */
export interface Database
  extends
    CaseTables,
    LogTables,
    FilingTables,
    AccountTables,
    LedgerTables,
    IncidentTables,
    BriefTables,
    NotificationTables,
    ObligationStoreTables {
  organisation: OrganisationTable;
  setting: SettingTable;
  /** Wrapped data keys of a PostgreSQL set-up (2026-12-05-800-store-key); see encryption/postgres-file-key.ts. */
  store_key: { purpose: string; wrapped: string; created_at: string };
}
