import type { Result } from '@civic/core';
import { inTransaction } from '@civic/store';
import type { AppContext } from '../context.ts';

class ResultAbort extends Error {
  constructor(readonly failure: Result<never>) {
    super('a use case returned an error inside its transaction');
  }
}

/**
 * Runs a use case in one transaction with a context bound to it. An error Result returned from
 * `fn` rolls back everything `fn` wrote (it is thrown through the transaction and turned back into
 * a Result here); a thrown error rolls back and propagates. Inside a transaction already, joins it.
 */
export async function inLedgerTransaction<T>(
  ctx: AppContext,
  fn: (tx: AppContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await inTransaction(ctx.store, async (store) => {
      const r = await fn({ ...ctx, store });
      if (!r.ok && !ctx.store.db.isTransaction) throw new ResultAbort(r);
      return r;
    });
  } catch (e) {
    if (e instanceof ResultAbort) return e.failure;
    throw e;
  }
}
