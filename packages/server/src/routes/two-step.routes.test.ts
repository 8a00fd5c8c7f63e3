import { base32Decode, testDialects, totpCode } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, TEST_PASSWORD, testWorld, type TestWorld } from '../http-test-kit.ts';

// A user's own password and two-step sign-in (issue 13), each step through the routes. Real parts:
// Fastify through inject(), argon2id, TOTP over node crypto, SQLite and PostgreSQL.
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string; field?: string } }).error;

for (const dialect of testDialects()) {
  describe(`password and two-step sign-in on ${dialect}`, () => {
    let w: TestWorld;
    beforeAll(async () => {
      w = await testWorld(dialect);
    });
    afterAll(async () => w.close());

    const signIn = async (email: string, password: string, totp?: string) =>
      w.anonymous.request('POST', '/api/v1/session', { email, password, ...(totp ? { totp } : {}) });
    const session = async (email: string, password: string) => {
      const res = await signIn(email, password);
      expect(res.statusCode, res.body).toBe(200);
      const cookies = cookiesOf(res);
      const csrf = cookies['civic_csrf'] ?? '';
      return (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
        w.app.inject({
          method,
          url,
          cookies,
          headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
          ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
        });
    };

    it('changes the password with the current one and ends every other session', async () => {
      await w.user('pw@x.test', {});
      const laptop = await session('pw@x.test', TEST_PASSWORD);
      const phone = await session('pw@x.test', TEST_PASSWORD);
      const wrong = await laptop('POST', '/api/v1/me/password', {
        currentPassword: 'not it at all',
        newPassword: 'a brand new password',
      });
      expect([wrong.statusCode, err(wrong).code, err(wrong).field]).toEqual([
        400,
        'USER_PASSWORD_WRONG',
        'currentPassword',
      ]);
      const weak = await laptop('POST', '/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect([weak.statusCode, err(weak).field]).toEqual([400, 'newPassword']);
      expect((await phone('GET', '/api/v1/me')).statusCode).toBe(200);
      const done = await laptop('POST', '/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a brand new password',
      });
      expect([done.statusCode, done.json()]).toEqual([200, { ok: true }]);
      expect((await phone('GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await laptop('GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await signIn('pw@x.test', TEST_PASSWORD)).statusCode).toBe(401);
      expect((await signIn('pw@x.test', 'a brand new password')).statusCode).toBe(200);
    });

    it('is off until a first code confirms it, gives recovery codes once, and turns off with the password', async () => {
      await w.user('two@x.test', {});
      const me = await session('two@x.test', TEST_PASSWORD);
      const enrol = (await me('POST', '/api/v1/me/totp')).json() as { secret: string; otpauthUri: string };
      expect(enrol.otpauthUri).toBe(
        `otpauth://totp/CivicLedger%3Atwo%40x.test?secret=${enrol.secret}&issuer=CivicLedger&algorithm=SHA1&digits=6&period=30`,
      );
      // Started, not confirmed: still off, and signing in asks for no code.
      expect(
        ((await me('GET', '/api/v1/me')).json() as { user: { totpEnabled: boolean } }).user.totpEnabled,
      ).toBe(false);
      expect((await signIn('two@x.test', TEST_PASSWORD)).statusCode).toBe(200);

      const key = base32Decode(enrol.secret) ?? new Uint8Array();
      const confirmed = await me('POST', '/api/v1/me/totp/confirm', { code: totpCode(key, new Date()) });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
      expect(new Set(recoveryCodes).size).toBe(10);
      expect(
        ((await me('GET', '/api/v1/me')).json() as { user: { totpEnabled: boolean } }).user.totpEnabled,
      ).toBe(true);
      const noCode = await signIn('two@x.test', TEST_PASSWORD);
      expect([noCode.statusCode, err(noCode).code]).toEqual([401, 'AUTH_TOTP_REQUIRED']);
      const next = totpCode(key, new Date(Date.now() + 30_000));
      expect((await signIn('two@x.test', TEST_PASSWORD, next)).statusCode).toBe(200);

      // A lost phone: each recovery code signs in once, typed with or without its dash.
      const [first = '', second = ''] = recoveryCodes;
      expect((await signIn('two@x.test', TEST_PASSWORD, first.toUpperCase())).statusCode).toBe(200);
      const reused = await signIn('two@x.test', TEST_PASSWORD, first);
      expect([reused.statusCode, err(reused).code]).toEqual([401, 'TOTP_RECOVERY_INVALID']);
      expect((await signIn('two@x.test', TEST_PASSWORD, second.replace('-', ''))).statusCode).toBe(200);

      const badPassword = await me('DELETE', '/api/v1/me/totp', { password: 'not the password' });
      expect([badPassword.statusCode, err(badPassword).code, err(badPassword).field]).toEqual([
        400,
        'USER_PASSWORD_WRONG',
        'password',
      ]);
      const nothing = await me('DELETE', '/api/v1/me/totp', {});
      expect(nothing.statusCode).toBe(400);
      const off = await me('DELETE', '/api/v1/me/totp', { password: TEST_PASSWORD });
      expect([off.statusCode, off.json()]).toEqual([200, { totpEnabled: false }]);
      expect((await signIn('two@x.test', TEST_PASSWORD)).statusCode).toBe(200);
    });
  });
}
