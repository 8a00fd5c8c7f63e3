import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';

/** How often the bell asks for its count (the server runs the schedule every few minutes). */
const POLL_MS = 60_000;
/** Sent on `window` when the user changed their notifications (read, sent): the bell asks again. */
export const NOTIFICATIONS_CHANGED = 'civic:notifications-changed';

/** The bell in the header: a link to the notifications with the unread count. */
export function NotificationBell() {
  const { t } = useI18n();
  const location = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<{ unread: number }>('GET', '/api/v1/me/notifications/count').then(
        (r) => live && setCount(r.unread),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onChange = () => void load();
    window.addEventListener(NOTIFICATIONS_CHANGED, onChange);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChange);
    };
  }, [location]);
  const label = t('notifications.bell', { count });
  return (
    <Link to="/notifications" className="bell" aria-label={label} data-testid="notification-bell">
      {/* Drawn, not an emoji: a computer without an emoji font would show an empty box. */}
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span className="badge" data-testid="notification-count" aria-hidden="true">
          {count}
        </span>
      )}
    </Link>
  );
}
