import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormField, unplaced } from './form-field.tsx';

/** Change your password: the current one is required; every other session is ended (issue 13). */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await api('POST', '/api/v1/me/password', { currentPassword, newPassword });
      setCurrent('');
      setNext('');
      setDone(true);
      onChanged?.();
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    } finally {
      setBusy(false);
    }
  };
  const other = unplaced(error, ['currentPassword', 'newPassword']);
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="password-form">
        <FormField label={t('password.current')} name="currentPassword" error={error}>
          <input
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </FormField>
        <FormField label={t('password.new')} name="newPassword" error={error}>
          <input
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNext(e.target.value)}
          />
        </FormField>
        <button type="submit" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
      {done && <p role="status">{t('password.changed')}</p>}
      {other && (
        <p className="error" role="alert">
          {other.message}
        </p>
      )}
    </section>
  );
}
