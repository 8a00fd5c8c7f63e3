import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReceipt } from '../ledger/ledger-records.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { getFilingRow } from '@civic/store';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { listObligations } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The text with its random ids numbered by first appearance and its line hashes (which hash those ids) blanked. */
function normalised(text: string): string {
  const seen = new Map<string, string>();
  return text
    .replace(/\b[a-z]{3}_[0-9a-f]{32}\b/g, (id) => {
      if (!seen.has(id)) seen.set(id, `id${String(seen.size + 1)}`);
      return seen.get(id) ?? id;
    })
    .replace(/"recordHash":"[0-9a-f]{64}"/g, '"recordHash":"H"');
}

// The stored filing text and the lint findings stay byte for byte what they were before the
// prepare and lint paths were made faster (issue 17): digests of the normalised texts, recorded
// from the code before the change, on the real kz pack's half-year report and a notification.
const GOLDEN = {
  report: 'e84e0d03310adfff5bfafa78529d87ef94bee6e31f561b0417d7bd151b7ac7c4',
  reportLint: 'd1d7f91281b32c74151e459003fbab2f6da739ea9fda7331cebfc4b0e917b9e6',
  notice: '5c80a0984626dfba91c1b8b07ed5761275bcfcd0e88b6dcb7f7938ab4613c7df',
  noticeLint: 'fcd39e7609baf37be70f3276bc6eeb713b0688eb2c9d8b05cc154849a665a59a',
};

for (const dialect of testDialects()) {
  describe(`a prepared filing's bytes on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    const got: Record<string, string> = {};
    beforeAll(async () => {
      let clock = Date.parse('2021-09-01T10:00:00.000Z');
      ctx = await freshContext(dialect, () => new Date((clock += 1000)));
      const world = await seedFilingLedger(ctx);
      const list = await listObligations(ctx, { asOf: '2021-08-01', from: '2020-10-01', to: '2021-06-30' });
      if (!list.ok) throw new Error(list.error.message);
      const report = list.value.obligations.find(
        (o) => o.trigger === 'period' && o.period.from === '2021-01-01',
      );
      const notice = list.value.obligations.find((o) => o.receiptIds.includes(world.receipts.nauryz.id));
      for (const [name, o] of [
        ['report', report],
        ['notice', notice],
      ] as const) {
        const prepared = await prepareFiling(ctx, { obligationId: o?.id });
        if (!prepared.ok) throw new Error(prepared.error.message);
        const row = await getFilingRow(ctx.store.db, prepared.value.id);
        got[name] = row?.content ?? '';
        got[`${name}Hash`] = row?.contentHash ?? '';
        got[`${name}Id`] = prepared.value.id;
        got[`${name}Record`] = JSON.stringify(prepared.value.content);
      }
      // A receipt the report does not list, so the lint has something to say.
      const late = await recordReceipt(ctx, world.org.id, {
        sourceId: world.osf.id,
        grantId: world.grant.id,
        receivedOn: '2021-05-20',
        currency: 'USD',
        amount: '700.00',
      });
      if (!late.ok) throw new Error(late.error.message);
      for (const name of ['report', 'notice'] as const) {
        const lint = await lintStoredFiling(ctx, { filingId: got[`${name}Id`] ?? '', asOf: '2021-08-01' });
        if (!lint.ok) throw new Error(lint.error.message);
        got[`${name}Lint`] = JSON.stringify(lint.value);
      }
    });
    afterAll(async () => ctx.close());

    it('stores the canonical JSON of the content, each line hashed over its own canonical form', () => {
      for (const name of ['report', 'notice']) {
        const text = got[name] ?? '';
        const content = JSON.parse(text) as {
          receipts: Record<string, unknown>[];
          expenditures: Record<string, unknown>[];
        };
        expect(canonicalize(content)).toBe(text);
        expect(got[`${name}Hash`]).toBe(sha256(text));
        // The record prepareFiling returns reads as the stored text, member for member.
        expect(got[`${name}Record`]).toBe(text);
        for (const line of [...content.receipts, ...content.expenditures]) {
          const { recordHash, ...rest } = line;
          expect(recordHash).toBe(sha256(canonicalize(rest) ?? ''));
        }
      }
      expect(JSON.parse(got['report'] ?? '{}')).toMatchObject({ obligation: { trigger: 'period' } });
    });

    it('writes the same bytes and lint findings as before', () => {
      const digests = Object.fromEntries(
        (['report', 'reportLint', 'notice', 'noticeLint'] as const).map((k) => [
          k,
          sha256(normalised(got[k] ?? '')),
        ]),
      );
      expect(digests).toEqual(GOLDEN);
    });
  });
}
