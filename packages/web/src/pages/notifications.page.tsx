import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { NOTIFICATIONS_CHANGED } from '../components/notification-bell.tsx';
import { Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

interface Notification {
  key: string;
  kind: string;
  subject: string;
  text: string;
  dueOn: string;
  channel: string;
  status: string;
  read: boolean;
}
interface Bell {
  notifications: Notification[];
  unread: number;
  warning: { message: string; lastError: string | null } | null;
  emailAvailable: boolean;
}

/** The user's notifications, newest first, with read marks; admins see a delivery warning. */
export default function NotificationsPage() {
  const { t, date } = useI18n();
  const bell = useApi<Bell>('/api/v1/me/notifications?limit=100');
  const [sent, setSent] = useState<string | null>(null);
  const sendQueued = () => {
    setSent(null);
    api<{ sent: number }>('POST', '/api/v1/me/notifications/send-queued', {}).then(
      (r) => {
        setSent(t('notifications.sentQueued', { count: r.sent }));
        bell.reload();
        window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      },
      (e: unknown) => setSent(e instanceof ApiFailure ? e.message : String(e)),
    );
  };
  const mark = async (keys?: string[]) => {
    await api('POST', '/api/v1/me/notifications/read', keys ? { keys } : {});
    bell.reload();
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  };
  if (!bell.data) return <Loading />;
  const { notifications, unread, warning, emailAvailable } = bell.data;
  const queued = emailAvailable && notifications.some((n) => n.status === 'queued');
  const state = (n: Notification) =>
    n.status === 'sent' && n.channel === 'email'
      ? t('notifications.sentByEmail')
      : n.status === 'queued'
        ? t('notifications.inApp')
        : t('notifications.waiting');
  return (
    <>
      <h1 data-testid="page-title">{t('notifications.title')}</h1>
      {warning && (
        <p role="alert" className="error" data-testid="delivery-warning">
          <strong>{t('notifications.warning')}:</strong> {warning.message}
        </p>
      )}
      {unread > 0 && (
        <button type="button" onClick={() => void mark()} data-testid="mark-all-read">
          {t('notifications.markAllRead')}
        </button>
      )}
      {queued && (
        <button type="button" onClick={sendQueued} data-testid="send-queued">
          {t('notifications.sendQueued')}
        </button>
      )}
      {sent && <p role="status">{sent}</p>}
      {notifications.length === 0 ? (
        <p className="muted">{t('notifications.empty')}</p>
      ) : (
        <ul className="notifications" data-testid="notifications">
          {notifications.map((n) => (
            <li key={n.key} className={n.read ? 'read' : 'unread'}>
              <h2 className="small">
                {!n.read && <span className="badge">{t('notifications.unread')}</span>} {n.subject}
              </h2>
              <p className="muted small">
                {t('notifications.due', { date: date(n.dueOn) })} · {state(n)}
              </p>
              <p className="pre-line">{n.text.split('\n').slice(0, -1).join('\n')}</p>
              {!n.read && (
                <button type="button" onClick={() => void mark([n.key])}>
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
