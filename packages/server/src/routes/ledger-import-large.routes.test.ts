import { testDialects } from '@civic/app';
import { generate1CStatement } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// Issue 14: an upload of over 1 MiB streams through the web upload as through the CLI. The
// result is the whole statement; a bad amount deep in the file refuses it naming its line, and
// nothing of it stays. Real parts: Fastify through inject(), the real 1C reader, SQLite and
// PostgreSQL. (Such a file is read on a worker thread by default on SQLite; the same lines as one thread:
// app/src/ledger/import-read-thread.test.ts.)
const DOCUMENTS = 2500;
const big = Buffer.from(generate1CStatement({ documents: DOCUMENTS, seed: 41, encoding: 'utf-8' }).bytes);

/** The statement with the amount of one document deep in the file made unreadable. */
function spoiled(): { bytes: Buffer; line: number } {
  const text = big.toString('utf8');
  const at =
    text.slice(Math.floor(text.length * 0.8)).search(/\nСуммаПриход=\d/) + Math.floor(text.length * 0.8);
  const spoilt = `${text.slice(0, at)}\nСуммаПриход=12,3x${text.slice(at).replace(/^\nСуммаПриход=[^\r\n]*/, '')}`;
  return { bytes: Buffer.from(spoilt, 'utf8'), line: text.slice(0, at).split('\n').length + 1 };
}

for (const dialect of testDialects()) {
  describe(`a large upload on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let accountant: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Large Org');
      accountant = await w.client(await w.user('acc@large.test', { [org]: 'accountant' }), 'acc');
    });
    afterAll(async () => w.close());

    const upload = (bytes: Buffer, name: string) =>
      accountant.request('POST', `/api/v1/orgs/${org}/ledger/imports?fileName=${name}`, bytes, {
        'content-type': 'application/octet-stream',
      });
    const imports = async () =>
      (
        (await accountant.request('GET', `/api/v1/orgs/${org}/ledger/imports`)).json() as {
          imports: unknown[];
        }
      ).imports;

    it('refuses a bad amount deep in the file naming its line, leaving nothing; imports the good file whole', async () => {
      expect(big.length).toBeGreaterThan(1 << 20);
      const bad = spoiled();
      const refused = await upload(bad.bytes, 'bad.txt');
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { file: 'bad.txt', line: bad.line } });
      expect(await imports()).toEqual([]);
      const res = await upload(big, 'big.txt');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ read: DOCUMENTS, imported: DOCUMENTS, duplicates: 0 });
      expect(await imports()).toEqual([
        expect.objectContaining({ fileName: 'big.txt', imported: DOCUMENTS }),
      ]);
    });
  });
}
