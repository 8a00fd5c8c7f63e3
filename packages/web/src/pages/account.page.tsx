import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { NotificationSettings } from './notification-settings.tsx';
import { SigningKeys } from './signing-keys.tsx';
import { BackupStatusPanel } from './backup-status.tsx';
import { DuressPanel } from './duress-panel.tsx';
import { LockPanel } from './lock-panel.tsx';
import { MySessions } from './my-sessions.tsx';

export default function AccountPage() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const [secret, setSecret] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!me) return null;

  const run = async (f: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await f();
      await refresh();
      setMessage(t('account.saved'));
    } catch (e) {
      setMessage(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  const start = () =>
    run(async () => setSecret((await api<{ secret: string }>('POST', '/api/v1/me/totp')).secret));
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('POST', '/api/v1/me/totp/confirm', { code });
      setSecret(null);
      setCode('');
    });
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api('DELETE', '/api/v1/me/totp', { code });
      setCode('');
    });
  };

  return (
    <>
      <h1 data-testid="page-title">{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{me.user.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{me.user.email}</dd>
        </div>
        <div>
          <dt>{t('account.totp')}</dt>
          <dd>{me.user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</dd>
        </div>
      </dl>
      {!me.user.totpEnabled && !secret && (
        <button type="button" onClick={() => void start()}>
          {t('account.totpStart')}
        </button>
      )}
      {(secret || me.user.totpEnabled) && (
        <form onSubmit={secret ? confirm : disable} className="row">
          {secret && <p className="secret">{t('account.totpSecret', { secret })}</p>}
          <label className="field inline">
            <span>{t('account.totpCode')}</span>
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <button type="submit">{secret ? t('account.totpConfirm') : t('account.totpDisable')}</button>
        </form>
      )}
      {message && <p role="status">{message}</p>}
      <MySessions />
      <NotificationSettings />
      <SigningKeys me={me} />
      {me.user.instanceAdmin && <BackupStatusPanel />}
      {me.user.instanceAdmin && <LockPanel />}
      {me.user.instanceAdmin && <DuressPanel />}
    </>
  );
}
