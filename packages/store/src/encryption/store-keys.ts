import { hkdfSync } from 'node:crypto';

/**
 * The keys an open store holds in memory. The data key itself stays inside the SQLite cipher; what
 * is kept here is the key for stored files, derived from the data key (HKDF-SHA256), and dropped on
 * `forget()` (a lock).
 */
export interface StoreKeys {
  /** Whether the database file itself is encrypted (SQLite with a wrapped key). */
  readonly databaseEncrypted: boolean;
  /** The AES-256-GCM key for stored files, or null when the store has none (a plain set-up, or after `forget`). */
  fileKey(): Buffer | null;
  /** Overwrites and drops the file key held in memory. */
  forget(): void;
  /** Takes the data key a PostgreSQL set-up unwrapped after opening (store-internal). */
  useDataKey(dataKey: Uint8Array): void;
}

const FILE_KEY_INFO = 'civicledger stored files v1';

export function deriveFileKey(dataKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), FILE_KEY_INFO, 32));
}

export function storeKeys(databaseEncrypted: boolean, dataKey: Uint8Array | null): StoreKeys {
  let fileKey = dataKey ? deriveFileKey(dataKey) : null;
  return {
    databaseEncrypted,
    fileKey: () => fileKey,
    forget: () => {
      fileKey?.fill(0);
      fileKey = null;
    },
    useDataKey: (dataKey) => {
      fileKey = deriveFileKey(dataKey);
    },
  };
}
