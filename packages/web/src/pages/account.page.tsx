import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { NotificationSettings } from './notification-settings.tsx';
import { SigningKeys } from './signing-keys.tsx';
import { BackupStatusPanel } from './backup-status.tsx';
import { DuressPanel } from './duress-panel.tsx';
import { LockPanel } from './lock-panel.tsx';
import { MySessions } from './my-sessions.tsx';
import { PasswordForm } from './password-form.tsx';
import { TwoStep } from './two-step.tsx';

export default function AccountPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [sessionsKey, setSessionsKey] = useState(0);
  if (!me) return null;
  return (
    <>
      <h1 data-testid="page-title">{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{me.user.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{me.user.email}</dd>
        </div>
      </dl>
      <PasswordForm onChanged={() => setSessionsKey((k) => k + 1)} />
      <TwoStep />
      <MySessions key={sessionsKey} />
      <NotificationSettings />
      <SigningKeys me={me} />
      {me.user.instanceAdmin && <BackupStatusPanel />}
      {me.user.instanceAdmin && <LockPanel />}
      {me.user.instanceAdmin && <DuressPanel />}
    </>
  );
}
