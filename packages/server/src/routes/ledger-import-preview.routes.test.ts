import { readFileSync } from 'node:fs';
import { testDialects } from '@civic/app';
import { generateCamt053Statement } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// The web import page's preview (issue 14): the dry run's result over HTTP, in the user's language,
// and an unbalanced statement imported only when the accountant accepts it.
// Real parts: Fastify through inject(), the real MT940 reader and fixture, SQLite and PostgreSQL.
const PAGES = readFileSync(
  new URL('../../../formats/src/bank/fixtures/mt940/pages.sta', import.meta.url),
  'utf8',
);
// The first page's closing 100.00 too high (and what follows it): that page does not add up.
const UNBALANCED = PAGES.replace(':62M:C240229EUR6800,00', ':62M:C240229EUR6900,00')
  .replace(':60M:C240229EUR6800,00', ':60M:C240229EUR6900,00')
  .replace(':62F:C240229EUR6801,25', ':62F:C240229EUR6901,25')
  .replace(':60F:C240301EUR6801,25', ':60F:C240301EUR6901,25')
  .replace(':62F:C240301EUR7101,25', ':62F:C240301EUR7201,25');

for (const dialect of testDialects()) {
  describe(`bank import preview on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let accountant: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Alpha Org');
      accountant = await w.client(await w.user('acc@a.test', { [org]: 'accountant' }), 'acc');
    });
    afterAll(async () => w.close());

    const post = (path: string, body: string, query: string) =>
      accountant.request('POST', `/api/v1/orgs/${org}/ledger/${path}?${query}`, Buffer.from(body, 'utf8'), {
        'content-type': 'application/octet-stream',
        'accept-language': 'ru',
      });

    it('previews an unbalanced statement in Russian, refuses its import, imports it when accepted', async () => {
      const preview = await post('imports/preview', UNBALANCED, 'fileName=pages.sta');
      expect(preview.statusCode).toBe(200);
      const body = preview.json() as {
        balanced: boolean;
        lines: unknown[];
        statements: { balanced: boolean; mismatch: string | null }[];
        warnings: { code?: string; message: string }[];
        totals: { in: unknown[]; out: unknown[] };
      };
      expect(body.balanced).toBe(false);
      expect(body.lines).toHaveLength(3);
      expect(body.statements.map((s) => s.balanced)).toEqual([false, true, true]);
      expect(body.statements[0]?.mismatch).toMatch(
        /^Выписка STARTUMS 3\/1, счёт DE54100200301234567890, строка 7: входящий остаток .*8\s000,00.* = .*6\s800,00.*, а исходящий остаток в выписке .*6\s900,00/u,
      );
      expect(body.warnings.find((x) => x.code === 'IMPORT_WARN_MONTH_END_DATE')?.message).toContain(
        '29 февраля 2024 г.',
      );
      expect(body.totals).toEqual({
        in: [{ currency: 'EUR', amount: '301.25' }],
        out: [{ currency: 'EUR', amount: '1200.00' }],
      });
      const refused = await post('imports', UNBALANCED, 'fileName=pages.sta');
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'IMPORT_BALANCE_MISMATCH', field: '62M' } });
      const accepted = await post('imports', UNBALANCED, 'fileName=pages.sta&acceptUnbalanced=true');
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({
        imported: 3,
        unbalanced: expect.stringContaining('STARTUMS 3/1'),
      });
      const list = await accountant.request('GET', `/api/v1/orgs/${org}/ledger/imports`);
      expect(list.statusCode).toBe(200);
      expect((list.json() as { imports: unknown[] }).imports).toEqual([
        expect.objectContaining({
          fileName: 'pages.sta',
          imported: 3,
          unbalanced: expect.stringContaining('= €6,800.00, but the closing balance is €6,900.00'),
        }),
      ]);
    });

    it('lists the first 1,000 lines of a larger file, counting and summing every line', async () => {
      const g = generateCamt053Statement({ documents: 1200, seed: 31 });
      const preview = await post('imports/preview', new TextDecoder().decode(g.bytes), 'fileName=big.xml');
      expect(preview.statusCode).toBe(200);
      const body = preview.json() as {
        read: number;
        lines: unknown[];
        lineCount: number;
        linesTruncated: boolean;
        totals: { in: { amount: string }[] };
      };
      expect([body.read, body.lines.length, body.lineCount, body.linesTruncated]).toEqual([
        1200,
        1000,
        1200,
        true,
      ]);
      expect(BigInt(body.totals.in[0]?.amount.replace('.', '') ?? '0')).toBe(g.totalIn);
    });
  });
}
