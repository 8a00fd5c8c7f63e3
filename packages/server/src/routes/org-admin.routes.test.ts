import { listAudit, organisationKey, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// Opening an organisation from the web (issue 13). Real parts: Fastify through inject(), the rule
// packs in rules/, the organisation's Ed25519 signing key, the invitation and its acceptance, the
// audit trail, SQLite and PostgreSQL.
interface Opened {
  organisation: { id: string; name: string; bin: string | null; country: string; aliases: string[] };
  status: string;
  link: string | null;
  mailed: boolean;
  fingerprint: string;
  invitation: { id: string; email: string; role: string } | null;
}
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;

const FORM = {
  name: 'Sana Sezim',
  cyrillicName: 'ОФ «Сана Сезим»',
  bin: '050540000066',
  city: 'Шымкент',
  pack: 'kz',
  adminEmail: 'Director@Sana.test',
};

for (const dialect of testDialects()) {
  describe(`opening an organisation on ${dialect}`, () => {
    let w: TestWorld;
    let root: TestClient;
    let accountant: TestClient;
    let org = '';
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      const rootId = await w.user('root@orgs.test', {}, { instanceAdmin: true });
      root = await w.client(rootId, 'root@orgs.test');
      const accId = await w.user('acc@orgs.test', { [org]: 'admin' });
      accountant = await w.client(accId, 'acc@orgs.test');
    });
    afterAll(async () => w.close());

    it('an instance admin opens it under a pack: its signing key is made and its first admin invited', async () => {
      const res = await root.request('POST', '/api/v1/orgs', FORM, { host: 'ledger.example.kz' });
      expect(res.statusCode, res.body).toBe(201);
      const opened = res.json() as Opened;
      expect(opened).toMatchObject({
        organisation: {
          name: 'Sana Sezim',
          bin: '050540000066',
          country: 'KZ',
          aliases: ['ОФ «Сана Сезим»'],
        },
        status: 'invited',
        mailed: false,
        invitation: { email: 'director@sana.test', role: 'admin' },
      });
      expect(opened.link).toMatch(/^http:\/\/ledger\.example\.kz\/invitation\/[A-Za-z0-9_-]{40,}$/);
      // The same key `civic org key` prints: made with the organisation, not on first need.
      const key = await organisationKey(w.ctx, opened.organisation.id);
      expect(key.ok && key.value.fingerprint).toBe(opened.fingerprint);

      const entries = await listAudit(w.ctx, { organisationId: opened.organisation.id });
      expect(entries.map((e) => [e.entity, e.action, e.actor.label])).toEqual(
        expect.arrayContaining([
          ['organisation', 'create', 'root@orgs.test'],
          ['invitation', 'invite', 'root@orgs.test'],
        ]),
      );
      const created = entries.find((e) => e.entity === 'organisation');
      expect(created?.after).toMatchObject({ name: 'Sana Sezim', country: 'KZ' });

      // The invited person accepts and is the organisation's admin.
      const token = opened.link?.split('/').pop() ?? '';
      const accepted = await w.anonymous.request('POST', `/api/v1/invitations/${token}/accept`, {
        name: 'Директор',
        password: 'длинный новый пароль',
      });
      expect(accepted.statusCode, accepted.body).toBe(201);
      const cookie = accepted.headers['set-cookie'];
      const orgs = await w.anonymous.request('GET', '/api/v1/orgs', undefined, {
        cookie: (Array.isArray(cookie) ? cookie : [String(cookie)]).map((c) => c.split(';')[0]).join('; '),
      });
      expect(
        (orgs.json() as { organisations: { id: string; role: string }[] }).organisations.map((o) => [
          o.id,
          o.role,
        ]),
      ).toEqual([[opened.organisation.id, 'admin']]);
    });

    it('an existing account is made the admin at once', async () => {
      const res = await root.request('POST', '/api/v1/orgs', {
        name: 'Second',
        pack: 'kz',
        adminEmail: 'acc@orgs.test',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'added',
        link: null,
        member: { email: 'acc@orgs.test', role: 'admin' },
      });
    });

    it('a pack of another jurisdiction gives the organisation its country', async () => {
      const res = await root.request('POST', '/api/v1/orgs', {
        name: 'Lok Shakti',
        pack: 'in-fcra',
        adminEmail: 'a@lok.test',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as Opened).organisation.country).toBe('IN');
    });

    it.each([
      ['name', { name: '   ' }, 'ORG_NAME_REQUIRED'],
      ['cyrillicName', { cyrillicName: 'Sana' }, 'ORG_CYRILLIC_NAME_INVALID'],
      ['bin', { bin: '12345' }, 'ORG_BIN_INVALID'],
      ['bin', { bin: '070940000011' }, 'BIN_CHECK_DIGIT_INVALID'],
      ['pack', { pack: 'atlantis' }, 'ORG_PACK_INVALID'],
      ['adminEmail', { adminEmail: 'not an address' }, 'USER_EMAIL_INVALID'],
    ])(
      'bad %s answers 400 naming the field, in the request’s language, and nothing is made',
      async (field, change, code) => {
        const before = (await root.request('GET', '/api/v1/rule-packs')).statusCode;
        expect(before).toBe(200);
        const res = await root.request(
          'POST',
          '/api/v1/orgs',
          { ...FORM, name: `Bad ${field}`, ...change },
          { 'accept-language': 'ru' },
        );
        expect(res.statusCode, res.body).toBe(400);
        expect(errorOf(res)).toMatchObject({ code, field });
        expect(errorOf(res).message).toMatch(/[А-Яа-я]/);
        const all = await listAudit(w.ctx, { entity: 'organisation' });
        expect(all.some((e) => (e.after as { name?: string } | null)?.name === `Bad ${field}`)).toBe(false);
      },
    );

    it('its admin renames it (the old name an alias); a name another organisation has is 409, nothing changed', async () => {
      const url = `/api/v1/orgs/${org}`;
      const taken = await accountant.request(
        'PATCH',
        url,
        { name: 'sana sezim' },
        { 'accept-language': 'ru' },
      );
      expect(taken.statusCode, taken.body).toBe(409);
      expect(errorOf(taken)).toMatchObject({
        code: 'ORG_NAME_TAKEN',
        field: 'name',
        message: 'Другая организация здесь уже носит это название.',
      });
      expect((await accountant.request('PATCH', url, {})).statusCode).toBe(400);
      const res = await accountant.request('PATCH', url, { name: 'Эхо-Центр' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Эхо-Центр', aliases: ['Эхо'] });
      const back = await accountant.request('PATCH', url, { name: 'Эхо' });
      expect(back.json()).toMatchObject({ name: 'Эхо', aliases: ['Эхо-Центр'] });
      const renames = (await listAudit(w.ctx, { organisationId: org })).filter(
        (e) => e.entity === 'organisation' && e.action === 'update',
      );
      // Newest first.
      expect(renames.map((e) => [e.before, e.after, e.channel])).toEqual([
        [{ name: 'Эхо-Центр' }, { name: 'Эхо' }, 'web'],
        [{ name: 'Эхо' }, { name: 'Эхо-Центр' }, 'web'],
      ]);
    });

    it('refuses a user who is not the instance admin (403) and no session (401)', async () => {
      const res = await accountant.request('POST', '/api/v1/orgs', FORM);
      expect([res.statusCode, errorOf(res).code]).toEqual([403, 'AUTH_FORBIDDEN']);
      const anon = await w.anonymous.request('POST', '/api/v1/orgs', FORM);
      expect([anon.statusCode, errorOf(anon).code]).toEqual([401, 'AUTH_REQUIRED']);
    });

    it('lists the rule packs with their names in the request’s language', async () => {
      const res = await accountant.request('GET', '/api/v1/rule-packs', undefined, {
        'accept-language': 'kk',
      });
      expect(res.statusCode).toBe(200);
      const packs = (res.json() as { packs: { id: string; name: string; jurisdiction: string }[] }).packs;
      expect(packs).toContainEqual({
        id: 'kz',
        name: 'Қазақстан — шетелдік қаржыландыру туралы есептілік',
        jurisdiction: 'KZ',
      });
      // The pack of the country this server's organisations are in comes first (the form's default).
      expect(packs[0]?.id).toBe('kz');
      expect(packs.find((p) => p.id === 'in-fcra')?.name).toBe(
        'Үндістан — Шетелдік жарналарды реттеу туралы 2010 жылғы заң',
      );
    });
  });
}
