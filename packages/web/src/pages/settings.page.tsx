import { useI18n } from '../i18n/i18n.tsx';
import { OrgNotifications } from './org-notifications.tsx';
import { OrgSection } from './section.tsx';

/** The organisation's settings, for its admin: who is reminded of what, and how. */
export default function SettingsPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('nav.settings')} — ${name}`}>
      <OrgNotifications orgId={orgId} />
    </OrgSection>
  );
}
