import { readFileSync } from 'node:fs';
import { listAudit, listRates, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// The web app's rates import: the NBK fixture the rates reader is tested on, sent as the raw body,
// read through the same app function as `civic import rates`, on SQLite and PostgreSQL.
const NBK = readFileSync(new URL('../../../formats/src/rates/fixtures/nbk-rates.xml', import.meta.url));

for (const dialect of testDialects()) {
  describe(`rates import route on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let accountant: TestClient;
    let viewer: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Rates Org');
      accountant = await w.client(await w.user('acc@r.test', { [org]: 'accountant' }), 'acc');
      viewer = await w.client(await w.user('view@r.test', { [org]: 'viewer' }), 'view');
    });
    afterAll(async () => w.close());

    const upload = (c: TestClient, body: Buffer, fileName: string, headers: Record<string, string> = {}) =>
      c.request('POST', `/api/v1/orgs/${org}/ledger/rates/import?fileName=${fileName}`, body, {
        'content-type': 'application/octet-stream',
        ...headers,
      });

    it('imports the NBK file once, audited with the signed-in user, and the rates are listed', async () => {
      const first = await upload(accountant, NBK, 'nbk-rates.xml');
      expect(first.statusCode).toBe(200);
      const summary = first.json() as { read: number; imported: number; currencies: string[] };
      expect(summary).toMatchObject({ duplicates: 0, updated: 0, from: '2021-02-05', to: '2021-02-06' });
      expect(summary.imported).toBe(summary.read);
      expect(summary.currencies).toEqual(expect.arrayContaining(['EUR', 'JPY', 'USD']));
      const again = (await upload(accountant, NBK, 'nbk-rates.xml')).json() as Record<string, unknown>;
      expect(again).toMatchObject({ imported: 0, duplicates: summary.read });
      const usd = await listRates(w.ctx, { currency: 'USD', base: 'KZT', limit: 5 });
      expect(usd.at(-1)).toMatchObject({ date: '2021-02-05', units: 1, base: 'KZT' });
      const audit = await listAudit(w.ctx, { entity: 'official-rate' });
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        action: 'import',
        entityId: 'nbk-rates.xml',
        actor: { label: 'acc@r.test' },
        channel: 'web',
        after: expect.objectContaining({ fileName: 'nbk-rates.xml', read: summary.read }),
      });
    });

    it('refuses a bad file whole, naming file, line and field in the request language', async () => {
      const bad = Buffer.from('date,currency,rate,units\n2019-01-02,CHF,380.25,1\n2019-01-03,CHF,много,1\n');
      const res = await upload(accountant, bad, 'bad.csv', { 'accept-language': 'ru' });
      expect(res.statusCode).toBe(400);
      const error = (res.json() as { error: Record<string, unknown> }).error;
      expect(error).toMatchObject({ code: 'IMPORT_RATE_INVALID', file: 'bad.csv', line: 3, field: 'rate' });
      expect(error.message).toMatch(/[а-яё]/i);
      expect(await listRates(w.ctx, { currency: 'CHF', limit: 5 })).toEqual([]);
      expect(await listAudit(w.ctx, { entity: 'official-rate' })).toHaveLength(2);
    });

    it('refuses a reader of the ledger and an empty body', async () => {
      expect((await upload(viewer, NBK, 'nbk-rates.xml')).statusCode).toBe(403);
      const empty = await upload(accountant, Buffer.alloc(0), 'empty.xml');
      expect([empty.statusCode, (empty.json() as { error: { field: string } }).error.field]).toEqual([
        400,
        'body',
      ]);
    });
  });
}
