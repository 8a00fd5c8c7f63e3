import type { InviteResult } from '@civic/server/api';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** What inviting gave: the link to copy (always, so a failed e-mail loses nothing), or who joined. */
export function InvitationLink({ result }: { result: InviteResult }) {
  const { t, date } = useI18n();
  const [copied, setCopied] = useState(false);
  if (result.status === 'added' || !result.invitation || !result.link)
    return <p role="status">{t('members.added', { email: result.member?.email ?? '' })}</p>;
  const { email, expiresAt } = result.invitation;
  const link = result.link;
  const copy = () =>
    void navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="card" data-testid="invitation-result">
      {result.mailed && <p role="status">{t('members.mailed', { email })}</p>}
      <label className="field">
        <span>{t('members.linkLabel', { email, date: date(expiresAt.slice(0, 10)) })}</span>
        <input readOnly value={link} data-testid="invitation-link" onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" onClick={copy}>
        {t('members.copy')}
      </button>
      {copied && <span role="status"> {t('members.copied')}</span>}
    </div>
  );
}
