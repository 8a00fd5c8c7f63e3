import { Empty, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OrgSection } from './section.tsx';

// TODO(claims): the cases with their actions on a timeline, findings with citations, the deadline
// list across organisations, the objection draft to download.
export default function CasesPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('cases.title')} — ${name}`}>
      <div className="grid">
        <Panel id="cases" title={t('cases.title')}>
          <Empty />
        </Panel>
        <Panel id="deadlines" title={t('cases.deadlines')}>
          <Empty />
        </Panel>
      </div>
    </OrgSection>
  );
}
