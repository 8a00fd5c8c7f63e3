import { listAudit, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// A grant's budget lines through the REST shape (issue 13). Real parts: Fastify through inject(),
// the typebox schemas, the ledger tables and the new budget-line table, the audit trail, SQLite and
// PostgreSQL.
interface Line {
  id: string;
  name: string;
  amount: string;
}
interface GrantRecord {
  id: string;
  version: number;
  amount: string;
  budgetLines: Line[];
}
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;

for (const dialect of testDialects()) {
  describe(`grant budget lines on ${dialect}`, () => {
    let w: TestWorld;
    let org: string;
    let accountant: TestClient;
    let source = '';
    const url = (id?: string) => `/api/v1/orgs/${org}/ledger/grants${id ? `/${id}` : ''}`;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      accountant = await w.client(
        await w.user('acc@budget.test', { [org]: 'accountant' }),
        'acc@budget.test',
      );
      const s = await accountant.request('POST', `/api/v1/orgs/${org}/ledger/sources`, {
        name: 'Open Society Foundations',
        category: 'foreign-organisation',
        country: 'US',
      });
      source = (s.json() as { id: string }).id;
    });
    afterAll(async () => w.close());

    it('a grant is made with its lines, shown with them, and changed line by line', async () => {
      const made = await accountant.request('POST', url(), {
        sourceId: source,
        agreementNumber: 'OSF-2021-7',
        currency: 'USD',
        amount: '50000.00',
        budgetLines: [
          { name: '1. Оплата труда юристов', amount: '30000.00' },
          { name: '2. Аренда', amount: '12000' },
          { name: '3. Связь', amount: '3000.50' },
        ],
      });
      expect(made.statusCode, made.body).toBe(201);
      const grant = made.json() as GrantRecord;
      expect(grant.budgetLines.map((l) => [l.name, l.amount])).toEqual([
        ['1. Оплата труда юристов', '30000.00'],
        ['2. Аренда', '12000.00'],
        ['3. Связь', '3000.50'],
      ]);
      expect(new Set(grant.budgetLines.map((l) => l.id)).size).toBe(3);
      const read = (await accountant.request('GET', url(grant.id))).json() as GrantRecord;
      expect(read.budgetLines).toEqual(grant.budgetLines);
      const listed = (await accountant.request('GET', url())).json() as { grants: GrantRecord[] };
      expect(listed.grants.find((g) => g.id === grant.id)?.budgetLines).toEqual(grant.budgetLines);

      // A change of another field keeps the lines.
      const titled = await accountant.request('PATCH', url(grant.id), {
        title: 'Правовая помощь',
        version: 1,
      });
      expect(titled.statusCode, titled.body).toBe(200);
      expect((titled.json() as GrantRecord).budgetLines).toEqual(grant.budgetLines);

      // The form sends every line back: the first changed (same id), the second removed, one added.
      const [first, , third] = grant.budgetLines;
      const changed = await accountant.request('PATCH', url(grant.id), {
        version: 2,
        budgetLines: [
          { id: first?.id, name: '1. Оплата труда', amount: '32000.00' },
          { id: third?.id, name: '3. Связь', amount: '3000.50' },
          { name: '4. Поездки', amount: '1500' },
        ],
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const after = changed.json() as GrantRecord;
      expect(
        after.budgetLines.map((l) => [l.id === first?.id, l.id === third?.id, l.name, l.amount]),
      ).toEqual([
        [true, false, '1. Оплата труда', '32000.00'],
        [false, true, '3. Связь', '3000.50'],
        [false, false, '4. Поездки', '1500.00'],
      ]);
      const [entry] = (await listAudit(w.ctx, { entity: 'grant', entityId: grant.id, limit: 1 })) as {
        before: { budgetLines: Line[] };
        after: { budgetLines: Line[] };
      }[];
      expect(entry?.before.budgetLines.map((l) => l.name)).toEqual([
        '1. Оплата труда юристов',
        '2. Аренда',
        '3. Связь',
      ]);
      expect(entry?.after.budgetLines.map((l) => l.name)).toEqual([
        '1. Оплата труда',
        '3. Связь',
        '4. Поездки',
      ]);
      const cleared = await accountant.request('PATCH', url(grant.id), { version: 3, budgetLines: [] });
      expect((cleared.json() as GrantRecord).budgetLines).toEqual([]);
    });

    it('lines above the grant’s amount answer 400 naming the line, in the request’s language; nothing is stored', async () => {
      const over = await accountant.request(
        'POST',
        url(),
        {
          sourceId: source,
          agreementNumber: 'OSF-OVER',
          currency: 'USD',
          amount: '10000.00',
          budgetLines: [
            { name: 'Зарплата', amount: '8000.00' },
            { name: 'Аренда', amount: '2000.01' },
          ],
        },
        { 'accept-language': 'ru' },
      );
      expect(over.statusCode, over.body).toBe(400);
      expect(errorOf(over)).toMatchObject({
        code: 'LEDGER_BUDGET_OVER_GRANT',
        field: 'budgetLines[1].amount',
        message:
          'Со статьёй «Аренда» сумма статей бюджета (10\u00a0000,01\u00a0$) превышает сумму гранта (10\u00a0000,00\u00a0$).',
      });
      const listed = (await accountant.request('GET', url())).json() as {
        grants: { agreementNumber: string }[];
      };
      expect(listed.grants.map((g) => g.agreementNumber)).not.toContain('OSF-OVER');

      const unnamed = await accountant.request('POST', url(), {
        sourceId: source,
        agreementNumber: 'OSF-UNNAMED',
        currency: 'USD',
        amount: '10000.00',
        budgetLines: [{ name: ' ', amount: '1.00' }],
      });
      expect([unnamed.statusCode, errorOf(unnamed).code, errorOf(unnamed).field]).toEqual([
        400,
        'LEDGER_BUDGET_LINE_INVALID',
        'budgetLines[0].name',
      ]);
      const badAmount = await accountant.request('POST', url(), {
        sourceId: source,
        agreementNumber: 'OSF-BAD',
        currency: 'USD',
        amount: '10000.00',
        budgetLines: [{ name: 'Аренда', amount: '12,5,0' }],
      });
      expect([badAmount.statusCode, errorOf(badAmount).field]).toEqual([400, 'budgetLines[0].amount']);
    });
  });
}
