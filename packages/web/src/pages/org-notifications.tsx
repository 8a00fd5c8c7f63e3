import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../use-api.ts';

const KINDS = ['obligation', 'legal-deadline', 'wave', 'brief', 'incident'] as const;
interface OrgSettings {
  offsets: number[];
  minimalContent: boolean;
  webhookUrl: string | null;
}
interface Recipient {
  email: string;
  name: string;
  role: string;
  kinds: string[];
  delivery: 'immediate' | 'digest';
  digestAt: string;
}
interface OrgView {
  settings: OrgSettings;
  recipients: Recipient[];
  emailAvailable: boolean;
}

/** "1, 5, 5" → [5, 1]: whole numbers, largest first, once each; null when one is not a number. */
const parseOffsets = (text: string): number[] | null => {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const nums = parts.map(Number);
  if (nums.length === 0 || nums.some((n) => !Number.isInteger(n))) return null;
  return [...new Set(nums)].sort((a, b) => b - a);
};

/** The organisation admin's view: reminder days, minimal e-mails, the webhook, and who receives what. */
export function OrgNotifications({ orgId }: { orgId: string }) {
  const { t, number } = useI18n();
  const url = `/api/v1/orgs/${encodeURIComponent(orgId)}/notifications`;
  const view = useApi<OrgView>(url);
  const [offsets, setOffsets] = useState('');
  const [minimal, setMinimal] = useState(false);
  const [hook, setHook] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ at: 'settings' | 'webhook'; text: string } | null>(null);
  // The form is filled from the first answer, then from each save's own answer: a reload (for the
  // recipients and the channel line) never overwrites what the admin has typed since.
  const [filled, setFilled] = useState(false);
  const showSettings = (s: OrgSettings) => {
    setOffsets(s.offsets.map((n) => number(n)).join(', '));
    setMinimal(s.minimalContent);
  };
  useEffect(() => {
    if (!view.data || filled) return;
    setFilled(true);
    showSettings(view.data.settings);
    setHook(view.data.settings.webhookUrl ?? '');
  }, [view.data, filled]);
  if (view.error) return <ErrorBox error={view.error} />;
  if (!view.data) return <Loading />;
  const fail = (at: 'settings' | 'webhook') => (e: unknown) =>
    setMessage({ at, text: e instanceof ApiFailure ? e.message : String(e) });
  const save = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const parsed = parseOffsets(offsets);
    const body = parsed
      ? { offsets: parsed, minimalContent: minimal }
      : { offsets: [offsets], minimalContent: minimal };
    api<OrgSettings>('PUT', url, body).then((answer) => {
      showSettings(answer);
      setMessage({ at: 'settings', text: t('account.saved') });
      view.reload();
    }, fail('settings'));
  };
  const saveHook = (value: string | null) => {
    setMessage(null);
    setSecret(null);
    api<{ url: string | null; secret: string | null }>('PUT', `${url}/webhook`, { url: value }).then((r) => {
      setSecret(r.secret);
      setHook(r.url ?? '');
      setMessage({ at: 'webhook', text: t('account.saved') });
      view.reload();
    }, fail('webhook'));
  };
  const { recipients, emailAvailable, settings } = view.data;
  const channel =
    t(emailAvailable ? 'orgNotify.channelEmail' : 'orgNotify.channelApp') +
    (settings.webhookUrl ? t('orgNotify.plusWebhook') : '');
  return (
    <section aria-labelledby="org-notifications" data-testid="org-notifications">
      <h2 id="org-notifications">{t('orgNotify.title')}</h2>
      <form onSubmit={save} data-testid="org-notification-settings">
        <label className="field">
          <span>{t('orgNotify.offsets')}</span>
          <input value={offsets} onChange={(e) => setOffsets(e.target.value)} data-testid="offsets" />
        </label>
        <label className="field inline">
          <input type="checkbox" checked={minimal} onChange={(e) => setMinimal(e.target.checked)} />
          <span>{t('orgNotify.minimal')}</span>
        </label>
        <button type="submit">{t('orgNotify.save')}</button>
        {message?.at === 'settings' && <p role="status">{message.text}</p>}
      </form>
      <form
        data-testid="org-webhook"
        onSubmit={(e) => {
          e.preventDefault();
          saveHook(hook.trim() === '' ? null : hook.trim());
        }}
      >
        <fieldset>
          <legend>{t('orgNotify.webhook')}</legend>
          <label className="field">
            <span>{t('orgNotify.webhookUrl')}</span>
            <input type="url" value={hook} onChange={(e) => setHook(e.target.value)} />
          </label>
          <button type="submit">{t('orgNotify.webhookSave')}</button>{' '}
          {settings.webhookUrl && (
            <button type="button" onClick={() => saveHook(null)}>
              {t('orgNotify.webhookRemove')}
            </button>
          )}
          {secret && (
            <p data-testid="webhook-secret">
              {t('orgNotify.secret')} <code>{secret}</code>
            </p>
          )}
          {message?.at === 'webhook' && <p role="status">{message.text}</p>}
        </fieldset>
      </form>
      <h3>{t('orgNotify.who')}</h3>
      <div className="table-wrap">
        <table data-testid="who-receives-what">
          <thead>
            <tr>
              <th scope="col">{t('orgNotify.member')}</th>
              <th scope="col">{t('orgNotify.role')}</th>
              {KINDS.map((k) => (
                <th scope="col" key={k}>
                  {t(`notifications.kind.${k}` as MessageKey)}
                </th>
              ))}
              <th scope="col">{t('orgNotify.channel')}</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.email}>
                <th scope="row">
                  {r.name} <span className="muted small">{r.email}</span>
                </th>
                <td>{t(`role.${r.role}` as MessageKey)}</td>
                {KINDS.map((k) => (
                  <td key={k}>
                    {!r.kinds.includes(k)
                      ? t('orgNotify.off')
                      : r.delivery === 'digest'
                        ? t('orgNotify.digestAt', { time: r.digestAt })
                        : t('orgNotify.immediate')}
                  </td>
                ))}
                <td>{channel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
