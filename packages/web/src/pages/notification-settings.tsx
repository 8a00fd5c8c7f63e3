import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../use-api.ts';

const KINDS = ['obligation', 'legal-deadline', 'wave', 'brief', 'incident'] as const;
interface Settings {
  kinds: string[];
  delivery: 'immediate' | 'digest';
  digestAt: string;
}

/** The account page's section: which kinds the user receives, immediately or as a daily digest. */
export function NotificationSettings() {
  const { t } = useI18n();
  const loaded = useApi<Settings>('/api/v1/me/notification-settings');
  const [form, setForm] = useState<Settings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);
  if (!form) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    api<Settings>('PUT', '/api/v1/me/notification-settings', form).then(
      (s) => {
        setForm(s);
        setMessage(t('account.saved'));
      },
      (err: unknown) => setMessage(err instanceof ApiFailure ? err.message : String(err)),
    );
  };
  const toggle = (kind: string, on: boolean) =>
    setForm({ ...form, kinds: on ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind) });
  return (
    <section aria-labelledby="notification-settings">
      <h2 id="notification-settings">{t('notifications.settings')}</h2>
      <form onSubmit={save} data-testid="notification-settings">
        <fieldset>
          <legend>{t('notifications.kinds')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="field inline">
              <input
                type="checkbox"
                checked={form.kinds.includes(k)}
                onChange={(e) => toggle(k, e.target.checked)}
              />
              <span>{t(`notifications.kind.${k}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('notifications.delivery')}</legend>
          {(['immediate', 'digest'] as const).map((d) => (
            <label key={d} className="field inline">
              <input
                type="radio"
                name="delivery"
                checked={form.delivery === d}
                onChange={() => setForm({ ...form, delivery: d })}
              />
              <span>{t(`notifications.${d}`)}</span>
            </label>
          ))}
          <label className="field inline">
            <span>{t('notifications.digestAt')}</span>
            <input
              type="time"
              value={form.digestAt}
              disabled={form.delivery !== 'digest'}
              onChange={(e) => setForm({ ...form, digestAt: e.target.value })}
            />
          </label>
        </fieldset>
        <button type="submit">{t('notifications.save')}</button>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}
