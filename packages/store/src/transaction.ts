import type { StoreConnection } from './database.ts';

/**
 * Runs `fn` in one database transaction: everything it writes through the connection it is given
 * commits together or not at all. Inside a transaction already, `fn` joins it (no nesting).
 */
export async function inTransaction<T>(
  store: StoreConnection,
  fn: (tx: StoreConnection) => Promise<T>,
): Promise<T> {
  if (store.db.isTransaction) return fn(store);
  return store.db.transaction().execute((trx) =>
    fn({
      db: trx,
      dialect: store.dialect,
      location: store.location,
      keys: store.keys,
      close: () => Promise.reject(new Error('a transaction is closed by the code that opened it')),
    }),
  );
}
