import type { DuressStatusJson } from '@civic/server/api';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The duress password for the instance admin (issue 15), off by default: signing in with it opens
 * an empty organisation and locks the instance, as «Lock now» does.
 */
export function DuressPanel() {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<DuressStatusJson | null>(null);
  const [password, setPassword] = useState('');
  const [decoyName, setDecoyName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void api<DuressStatusJson>('GET', '/api/v1/admin/duress').then(setStatus, () => setStatus(null));
  }, []);
  const run = async (change: () => Promise<DuressStatusJson>, done: string) => {
    try {
      setStatus(await change());
      setPassword('');
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => api('PUT', '/api/v1/admin/duress', { password, decoyName: decoyName.trim() || null }),
      t('duress.saved'),
    );
  };
  if (!status) return null;
  return (
    <section aria-labelledby="duress-title" data-testid="duress-panel">
      <h2 id="duress-title">{t('duress.title')}</h2>
      <p>{t('duress.explain')}</p>
      <p>
        {status.enabled && status.setAt ? `${t('duress.on')} ${dateTime(status.setAt)}` : t('duress.off')}
      </p>
      <form onSubmit={submit} className="stack">
        <label>
          {t('duress.password')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t('duress.decoyName')}
          <input
            type="text"
            maxLength={200}
            value={decoyName}
            onChange={(e) => setDecoyName(e.target.value)}
          />
        </label>
        <button type="submit">{t('duress.save')}</button>
      </form>
      {status.enabled && (
        <button
          type="button"
          onClick={() => void run(() => api('DELETE', '/api/v1/admin/duress'), t('duress.cleared'))}
        >
          {t('duress.clear')}
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
