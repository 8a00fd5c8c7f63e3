import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface BackupStatus {
  configured: boolean;
  last: { file: string; bytes: number; createdAt: string; verifiedAt: string | null } | null;
  stale: boolean;
}

/** The scheduled backups' state for the instance admin, with a warning when none is newer than two days. */
export function BackupStatusPanel() {
  const { t, dateTime, number } = useI18n();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    void api<BackupStatus>('GET', '/api/v1/admin/backups').then(setStatus, () => setStatus(null));
  }, []);
  if (!status) return null;
  const last = status.last;
  return (
    <section aria-labelledby="backup-title" data-testid="backup-status">
      <h2 id="backup-title">{t('backup.title')}</h2>
      {!status.configured && <p>{t('backup.notConfigured')}</p>}
      {last && (
        <dl className="facts">
          <div>
            <dt>{t('backup.last')}</dt>
            <dd>{dateTime(last.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('backup.size')}</dt>
            <dd>{t('backup.kilobytes', { size: number(Math.ceil(last.bytes / 1024)) })}</dd>
          </div>
          <div>
            <dt>{t('backup.verified')}</dt>
            <dd>{last.verifiedAt ? dateTime(last.verifiedAt) : t('backup.notVerified')}</dd>
          </div>
        </dl>
      )}
      {status.stale && (
        <p role="alert" className="warning">
          {t('backup.stale')}
        </p>
      )}
    </section>
  );
}
