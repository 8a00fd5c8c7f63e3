import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { build1C } from './ledger-test-statements.ts';
import { previewBankStatement } from './preview-bank-statement.ts';

// Issue 13: a BIN/IIN is checked by its control digit (bin-iin.ts). A statement whose owner's BIN is not the organisation's is flagged in the preview (and
// the dry run). build1C writes ОФ «Эхо» (BIN 070940000014) on the organisation's side of each document.
const statement = build1C({
  account: 'KZ52601A871000009876',
  from: '2024-02-01',
  to: '2024-02-29',
  opening: 0n,
  documents: [
    {
      number: '7',
      date: '2024-02-05',
      direction: 'in',
      amount: 150000n,
      party: 'ТОО «Альфа»',
      partyBin: '101040009879',
      partyAccount: 'KZ988560000000123456',
      purpose: 'Оплата',
    },
  ],
});

for (const dialect of testDialects()) {
  describe(`the statement owner's BIN in the preview on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    const orgs: Record<string, string> = {};
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      for (const [name, bin] of [
        ['Echo', '070940000014'],
        ['Other', '090540012344'],
        ['No BIN', null],
      ] as const) {
        const o = await createOrganisation(ctx, { name, bin });
        if (!o.ok) throw new Error(o.error.message);
        orgs[name] = o.value.id;
      }
    });
    afterAll(async () => store.close());

    const preview = async (name: string) => {
      const r = await previewBankStatement(ctx, {
        bytes: statement,
        fileName: 'feb.txt',
        org: orgs[name] ?? '',
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };

    it('reads the owner, and flags it only where it is not the organisation’s BIN', async () => {
      expect(await preview('Echo')).toMatchObject({ ownerBin: '070940000014', otherOwnerBin: null });
      expect(await preview('Other')).toMatchObject({
        ownerBin: '070940000014',
        otherOwnerBin: '070940000014',
      });
      // An organisation with no BIN on record: nothing to compare with.
      expect(await preview('No BIN')).toMatchObject({ ownerBin: '070940000014', otherOwnerBin: null });
    });

    it('warns about an owner BIN with a wrong control digit and goes on, flagging no other owner', async () => {
      const mistyped = new TextEncoder().encode(
        new TextDecoder().decode(statement).replaceAll('070940000014', '070940000011'),
      );
      for (const name of ['Echo', 'Other']) {
        const r = await previewBankStatement(ctx, {
          bytes: mistyped,
          fileName: 'feb.txt',
          org: orgs[name] ?? '',
        });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        expect(r.value).toMatchObject({ ownerBin: '070940000011', otherOwnerBin: null, lineCount: 1 });
        const w = r.value.warnings.filter((x) => x.code === 'IMPORT_WARN_OWNER_BIN_CHECK_DIGIT');
        expect(w).toHaveLength(1);
        expect(w[0]).toMatchObject({ field: 'ownerBin', params: { bin: '070940000011' } });
        expect(w[0]?.line).toBeGreaterThan(1);
      }
      // A correct owner BIN gives no such warning.
      const fine = await preview('Echo');
      expect(fine.warnings.some((x) => x.code === 'IMPORT_WARN_OWNER_BIN_CHECK_DIGIT')).toBe(false);
    });

    it('refuses an organisation whose BIN has a wrong control digit, naming the field', async () => {
      const r = await createOrganisation(ctx, { name: 'Typo', bin: '070940000011' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ code: 'BIN_CHECK_DIGIT_INVALID', field: 'bin' });
      // Twelve digits are still asked for first.
      const short = await createOrganisation(ctx, { name: 'Short', bin: '0709400000' });
      expect(short.ok || short.error.code).toBe('ORG_BIN_INVALID');
    });
  });
}
