import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * "Lock now" for the instance admin (issue 15), asked twice: every session ends and the server drops
 * its keys until it is restarted with the key. After the lock the page reloads onto the locked page.
 */
export function LockPanel() {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const lock = async () => {
    try {
      await api('POST', '/api/v1/admin/lock');
      window.location.reload();
    } catch (e) {
      setMessage(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="lock-title" data-testid="lock-panel">
      <h2 id="lock-title">{t('lock.title')}</h2>
      <p>{t('lock.explain')}</p>
      {!asking && (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {t('lock.button')}
        </button>
      )}
      {asking && (
        <div role="alertdialog" aria-labelledby="lock-confirm" className="row">
          <p id="lock-confirm">{t('lock.confirm')}</p>
          <button type="button" className="danger" onClick={() => void lock()}>
            {t('lock.yes')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('lock.cancel')}
          </button>
        </div>
      )}
      {message && <p role="alert">{message}</p>}
    </section>
  );
}
