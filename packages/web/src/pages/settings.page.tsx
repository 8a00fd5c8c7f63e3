import { useI18n } from '../i18n/i18n.tsx';
import { OrgDetails } from './org-details.tsx';
import { OrgNotifications } from './org-notifications.tsx';
import { OrgSection } from './section.tsx';

/** The organisation's settings, for its admin: its BIN, who is reminded of what, and how. */
export default function SettingsPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('nav.settings')} — ${name}`}>
      <OrgDetails orgId={orgId} />
      <OrgNotifications orgId={orgId} />
    </OrgSection>
  );
}
