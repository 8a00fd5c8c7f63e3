import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface SessionItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  browser: string | null;
  system: string | null;
  current: boolean;
}

/** The user's active sessions (this one marked), each of which they can end (issue 15). */
export function MySessions() {
  const { t, dateTime } = useI18n();
  const [sessions, setSessions] = useState<SessionItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    void api<{ sessions: SessionItem[] }>('GET', '/api/v1/me/sessions').then(
      (r) => setSessions(r.sessions),
      () => setSessions(null),
    );
  }, []);
  useEffect(load, [load]);
  const end = async (s: SessionItem) => {
    try {
      await api('DELETE', `/api/v1/me/sessions/${encodeURIComponent(s.id)}`);
      if (s.current) window.location.reload();
      else load();
    } catch (e) {
      setMessage(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  if (!sessions) return null;
  const agent = (s: SessionItem) =>
    s.browser || s.system
      ? [s.browser, s.system].filter((x) => x !== null).join(' · ')
      : t('sessions.unknownAgent');
  return (
    <section aria-labelledby="sessions-title" data-testid="my-sessions">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sessions.agent')}</th>
              <th scope="col">{t('sessions.created')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {agent(s)}
                  {s.current && <strong> ({t('sessions.current')})</strong>}
                </td>
                <td>{dateTime(s.createdAt)}</td>
                <td>{dateTime(s.lastSeenAt)}</td>
                <td>
                  <button type="button" onClick={() => void end(s)}>
                    {t('sessions.end')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {message && <p role="alert">{message}</p>}
    </section>
  );
}
