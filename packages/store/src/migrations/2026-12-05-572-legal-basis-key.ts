import type { Kysely } from 'kysely';
import { legalBasisFilterKey } from '@civic/core';

// The legal-basis filter is normalised like the wave categories (issue 11): the stored key is now
// article first, the part dropped and the code recognised in any language («ст. 460-1 ч. 2 КоАП
// РК» → "460-1 coao"), so «460-1», «ӘҚБтК 460-1» and "CoAO Art. 460-1(2)" all find it. Existing
// rows get the new key. It imports core's pure key function rather than app code: the stored key
// must be exactly what the writer and the filter compute, and that definition lives in core alone.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('incident')
    .select('legal_basis')
    .distinct()
    .where('legal_basis', 'is not', null)
    .execute()) as { legal_basis: string }[];
  for (const r of rows)
    await db
      .updateTable('incident')
      .set({ legal_basis_key: legalBasisFilterKey(r.legal_basis) })
      .where('legal_basis', '=', r.legal_basis)
      .execute();
}

// The old keys cannot be recomputed without the old rule; the new ones are kept.
export async function down(): Promise<void> {}
