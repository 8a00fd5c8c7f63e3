import { listAudit, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// Issue 13: a bank's own 1C field names saved from the import page. A statement whose amount sits
// under the bank's name («СуммаДокумента») cannot be previewed — the error names that field — until
// the accountant saves it as «Сумма»; then the preview reads the amount. Each change is audited.
// Real parts: Fastify through inject(), the real 1C reader, SQLite and PostgreSQL.
const STATEMENT = [
  '1CClientBankExchange',
  'ВерсияФормата=1.03',
  'Кодировка=UTF-8',
  'ДатаНачала=01.03.2024',
  'ДатаКонца=31.03.2024',
  'РасчСчет=KZ52601A871000009876',
  'СекцияДокумент=Платежное поручение',
  'Номер=12',
  'Дата=05.03.2024',
  'СуммаДокумента=250000.00',
  'ПлательщикСчет=DE89370400440532013000',
  'Плательщик=Open Door Fund',
  'ПолучательСчет=KZ52601A871000009876',
  'Получатель=ОФ «Эхо»',
  'ПолучательИНН=070940000014',
  'ВидДокумента=01',
  'НазначениеПлатежа=Грант 2024-3',
  'КонецДокумента',
  'КонецФайла',
  '',
].join('\r\n');

for (const dialect of testDialects()) {
  describe(`1C field aliases from the import page on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let accountant: TestClient;
    let viewer: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Echo');
      accountant = await w.client(await w.user('acc@echo.test', { [org]: 'accountant' }), 'acc');
      viewer = await w.client(await w.user('view@echo.test', { [org]: 'viewer' }), 'view');
    });
    afterAll(async () => w.close());

    const url = `/api/v1/orgs/${'{org}'}/ledger/import-aliases`;
    const at = (path = '') => url.replace('{org}', org) + path;
    const ru = { 'accept-language': 'ru' };
    const preview = () =>
      accountant.request(
        'POST',
        `/api/v1/orgs/${org}/ledger/imports/preview?fileName=march.txt`,
        Buffer.from(STATEMENT, 'utf8'),
        { 'content-type': 'application/octet-stream', ...ru },
      );

    it('the error names the unknown field; saving it as «Сумма» lets the preview read the amount', async () => {
      const refused = await preview();
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        error: {
          code: 'IMPORT_FIELD_MISSING',
          field: 'Сумма',
          unknownFields: [
            { field: 'СуммаДокумента', line: 10 },
            { field: 'ВидДокумента', line: 16 },
          ],
        },
      });

      const empty = await viewer.request('GET', at(), undefined, ru);
      expect(empty.statusCode).toBe(200);
      const list = empty.json() as { aliases: unknown[]; targets: { field: string; label: string }[] };
      expect(list.aliases).toEqual([]);
      expect(list.targets).toContainEqual({ field: 'Сумма', label: 'сумма' });

      const saved = await accountant.request('PUT', at(), { field: 'СуммаДокумента', target: 'Сумма' }, ru);
      expect(saved.statusCode).toBe(200);
      expect((saved.json() as { aliases: unknown[] }).aliases).toEqual([
        { field: 'СуммаДокумента', target: 'Сумма', targetLabel: 'сумма' },
      ]);

      const read = await preview();
      expect(read.statusCode).toBe(200);
      const body = read.json() as {
        lines: { amount: string; direction: string }[];
        warnings: { code?: string; field?: string }[];
        ownerBin: string | null;
      };
      expect(body.lines).toEqual([expect.objectContaining({ amount: '250000.00', direction: 'in' })]);
      // The other unknown field is still offered (kept as an extra, warned).
      expect(body.warnings).toContainEqual(
        expect.objectContaining({ code: 'IMPORT_FIELD_EXTRA', field: 'ВидДокумента' }),
      );
      expect(body.ownerBin).toBe('070940000014');

      // POST adds too; saving a field again replaces its target.
      const posted = await accountant.request('POST', at(), { field: 'ВидДокумента', target: 'Номер' });
      expect(posted.statusCode).toBe(200);
      const replaced = await accountant.request('PUT', at(), { field: 'ВидДокумента', target: 'Референс' });
      expect((replaced.json() as { aliases: { field: string; target: string }[] }).aliases).toEqual([
        expect.objectContaining({ field: 'ВидДокумента', target: 'Референс' }),
        expect.objectContaining({ field: 'СуммаДокумента', target: 'Сумма' }),
      ]);

      const removed = await accountant.request('DELETE', at(`/${encodeURIComponent('ВидДокумента')}`));
      expect(removed.statusCode).toBe(200);
      expect((removed.json() as { aliases: { field: string }[] }).aliases.map((a) => a.field)).toEqual([
        'СуммаДокумента',
      ]);
      const again = await accountant.request(
        'DELETE',
        at(`/${encodeURIComponent('ВидДокумента')}`),
        undefined,
        ru,
      );
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({
        error: {
          code: 'IMPORT_ALIAS_NOT_FOUND',
          message: 'Название поля банка «ВидДокумента» не сохранено.',
        },
      });

      const trail = await listAudit(w.ctx, { organisationId: org, entity: 'import-alias' });
      expect(trail.map((e) => [e.action, e.entityId]).sort()).toEqual(
        [
          ['create', 'СуммаДокумента'],
          ['create', 'ВидДокумента'],
          ['update', 'ВидДокумента'],
          ['delete', 'ВидДокумента'],
        ].sort(),
      );
      expect(trail.every((e) => e.channel === 'web' && e.actor.userId === accountant.userId)).toBe(true);
    });

    it('refuses a known field, an unknown target, and a viewer', async () => {
      const known = await accountant.request('PUT', at(), { field: 'Сумма', target: 'Дата' }, ru);
      expect(known.statusCode).toBe(400);
      expect(known.json()).toMatchObject({ error: { code: 'IMPORT_ALIAS_FIELD_INVALID', field: 'field' } });
      const target = await accountant.request('PUT', at(), { field: 'Сумма2', target: 'Зарплата' });
      expect(target.statusCode).toBe(400);
      expect(target.json()).toMatchObject({
        error: { code: 'IMPORT_ALIAS_TARGET_UNKNOWN', field: 'target' },
      });
      const shape = await accountant.request('PUT', at(), { field: 'X' });
      expect(shape.statusCode).toBe(400);
      expect(shape.json()).toMatchObject({ error: { code: 'REQUEST_INVALID', field: 'target' } });
      const forbidden = await viewer.request('PUT', at(), { field: 'Сумма2', target: 'Сумма' });
      expect(forbidden.statusCode).toBe(403);
    });
  });
}
