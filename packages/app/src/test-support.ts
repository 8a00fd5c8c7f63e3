import { freshStore, testDialects as storeTestDialects, type DialectName } from '@civic/store';
import type { AppContext } from './context.ts';

/**
 * Test support for drivers (server, CLI, e2e), which may not import the store: the dialects to
 * test (CIVIC_TEST_DIALECTS) and a fresh, migrated, empty database of one, as an AppContext.
 */
export function testDialects(): DialectName[] {
  return storeTestDialects();
}

export type { DialectName };

export async function freshContext(
  dialect: DialectName,
  now?: () => Date,
): Promise<AppContext & { readonly url: string; close(): Promise<void> }> {
  const store = await freshStore(dialect);
  return { store, now: now ?? (() => new Date()), url: store.url, close: () => store.close() };
}

export { freshRestoreTarget } from '@civic/store';
export {
  isPostgresRestoreWriting,
  padPostgresForTest,
  postgresPaddingRows,
  postgresRestoreLeftovers,
  postgresTableNames,
  watchPostgresRestore,
} from '@civic/store';
