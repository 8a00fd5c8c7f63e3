import { listAudit, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// An expenditure's allocation names a line of the grant's budget (issue 13). Real parts: Fastify
// through inject(), the typebox schemas, the allocation and budget-line tables, the audit trail,
// SQLite and PostgreSQL; one world per dialect, the tests in order on it.
interface Line {
  id: string;
  name: string;
  amount: string;
  allocated?: string;
}
interface Grant {
  id: string;
  version: number;
  budgetLines: Line[];
}
interface Allocation {
  grantId: string;
  amount: string;
  budgetLineId: string | null;
}
interface Expenditure {
  id: string;
  version: number;
  allocations: Allocation[];
}
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;
const RU = { 'accept-language': 'ru' };

for (const dialect of testDialects()) {
  describe(`allocations to budget lines on ${dialect}`, () => {
    let w: TestWorld;
    let org: string;
    let accountant: TestClient;
    let legal: Grant;
    let media: Grant;
    const base = () => `/api/v1/orgs/${org}/ledger`;
    const grant = async (number: string, lines: { name: string; amount: string }[]) => {
      const res = await accountant.request('POST', `${base()}/grants`, {
        sourceId: source,
        agreementNumber: number,
        currency: 'USD',
        amount: '50000.00',
        budgetLines: lines,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Grant;
    };
    const lineOf = (g: Grant, name: string) => g.budgetLines.find((l) => l.name === name)?.id ?? '';
    let source = '';
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      accountant = await w.client(await w.user('acc@lines.test', { [org]: 'accountant' }), 'acc@lines.test');
      const s = await accountant.request('POST', `${base()}/sources`, {
        name: 'Open Society Foundations',
        category: 'foreign-organisation',
        country: 'US',
      });
      source = (s.json() as { id: string }).id;
      legal = await grant('OSF-LEGAL', [
        { name: '1. Оплата труда юристов', amount: '30000.00' },
        { name: '2. Аренда', amount: '12000.00' },
      ]);
      media = await grant('OSF-MEDIA', [{ name: '1. Типография', amount: '5000.00' }]);
    });
    afterAll(async () => w.close());

    it('an allocation names its grant’s line: stored, shown, changed, audited, summed on the grant', async () => {
      const wages = lineOf(legal, '1. Оплата труда юристов');
      const rent = lineOf(legal, '2. Аренда');
      const made = await accountant.request('POST', `${base()}/expenditures`, {
        spentOn: '2026-03-10',
        currency: 'USD',
        amount: '1500.00',
        counterparty: 'ТОО «Юрист»',
        allocations: [
          { grantId: legal.id, amount: '1000.00', budgetLineId: wages },
          { grantId: media.id, amount: '500.00' },
        ],
      });
      expect(made.statusCode, made.body).toBe(201);
      const e = made.json() as Expenditure;
      const byGrant = (x: Expenditure) =>
        Object.fromEntries(x.allocations.map((a) => [a.grantId, [a.amount, a.budgetLineId]]));
      expect(byGrant(e)).toEqual({ [legal.id]: ['1000.00', wages], [media.id]: ['500.00', null] });
      const read = (await accountant.request('GET', `${base()}/expenditures/${e.id}`)).json() as Expenditure;
      expect(byGrant(read)).toEqual(byGrant(e));

      const moved = await accountant.request('PATCH', `${base()}/expenditures/${e.id}`, {
        version: e.version,
        allocations: [
          { grantId: legal.id, amount: '1000.00', budgetLineId: rent },
          { grantId: media.id, amount: '500.00', budgetLineId: null },
        ],
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(byGrant(moved.json() as Expenditure)[legal.id]).toEqual(['1000.00', rent]);
      const [entry] = (await listAudit(w.ctx, { entity: 'expenditure', entityId: e.id, limit: 1 })) as {
        before: { allocations: Allocation[] };
        after: { allocations: Allocation[] };
      }[];
      expect(entry?.before.allocations.find((a) => a.grantId === legal.id)?.budgetLineId).toBe(wages);
      expect(entry?.after.allocations.find((a) => a.grantId === legal.id)?.budgetLineId).toBe(rent);

      // A change of another field keeps the line.
      const described = await accountant.request('PATCH', `${base()}/expenditures/${e.id}`, {
        version: (moved.json() as Expenditure).version,
        description: 'Аренда офиса за март',
      });
      expect(byGrant(described.json() as Expenditure)[legal.id]).toEqual(['1000.00', rent]);

      const g = (await accountant.request('GET', `${base()}/grants/${legal.id}`)).json() as Grant;
      expect(g.budgetLines.map((l) => [l.name, l.allocated])).toEqual([
        ['1. Оплата труда юристов', '0.00'],
        ['2. Аренда', '1000.00'],
      ]);
      const listed = (await accountant.request('GET', `${base()}/grants`)).json() as { grants: Grant[] };
      expect(listed.grants.find((x) => x.id === legal.id)?.budgetLines[1]?.allocated).toBe('1000.00');
    });

    it('a line of another grant is refused with the allocation’s field, in the user’s language', async () => {
      const res = await accountant.request(
        'POST',
        `${base()}/expenditures`,
        {
          spentOn: '2026-03-11',
          currency: 'USD',
          amount: '200.00',
          allocations: [{ grantId: legal.id, budgetLineId: lineOf(media, '1. Типография') }],
        },
        RU,
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'LEDGER_BUDGET_LINE_NOT_OF_GRANT',
        field: 'allocations[0].budgetLineId',
        message:
          'Эта статья бюджета не относится к гранту «OSF-LEGAL»; выберите одну из его статей или не указывайте статью.',
      });
      const unknown = await accountant.request('POST', `${base()}/expenditures`, {
        spentOn: '2026-03-11',
        currency: 'USD',
        amount: '200.00',
        allocations: [{ grantId: media.id, amount: '200.00', budgetLineId: 'bdl_nonesuch' }],
      });
      expect([unknown.statusCode, errorOf(unknown).field]).toEqual([400, 'allocations[0].budgetLineId']);
      const all = (await accountant.request('GET', `${base()}/expenditures`)).json() as {
        expenditures: Expenditure[];
      };
      expect(all.expenditures).toHaveLength(1);
    });

    it('removing a line an allocation names is refused naming the line; an unused line goes', async () => {
      const current = (await accountant.request('GET', `${base()}/grants/${legal.id}`)).json() as Grant;
      const wages = current.budgetLines.find((l) => l.name === '1. Оплата труда юристов');
      const refused = await accountant.request(
        'PATCH',
        `${base()}/grants/${legal.id}`,
        {
          version: current.version,
          budgetLines: [{ id: wages?.id, name: wages?.name, amount: wages?.amount }],
        },
        RU,
      );
      expect(refused.statusCode, refused.body).toBe(409);
      expect(errorOf(refused)).toMatchObject({
        code: 'LEDGER_BUDGET_LINE_IN_USE',
        field: 'budgetLines',
        message:
          'На статью бюджета «2. Аренда» отнесены расходы; перенесите их на другую статью, прежде чем удалять её.',
      });
      const kept = (await accountant.request('GET', `${base()}/grants/${legal.id}`)).json() as Grant;
      expect(kept.budgetLines.map((l) => l.name)).toEqual(['1. Оплата труда юристов', '2. Аренда']);
      expect(kept.version).toBe(current.version);

      const rent = kept.budgetLines.find((l) => l.name === '2. Аренда');
      const dropped = await accountant.request('PATCH', `${base()}/grants/${legal.id}`, {
        version: kept.version,
        budgetLines: [{ id: rent?.id, name: '2. Аренда офиса', amount: rent?.amount }],
      });
      expect(dropped.statusCode, dropped.body).toBe(200);
      expect((dropped.json() as Grant).budgetLines.map((l) => [l.name, l.allocated])).toEqual([
        ['2. Аренда офиса', '1000.00'],
      ]);
    });
  });
}
