import { Empty, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OrgSection } from './section.tsx';

// TODO(filings): obligations calendar and list with due dates and statuses; prepare a filing, its
// lint results, PDF/XLSX downloads, record the submission, the proof bundle.
export default function FilingsPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('filings.title')} — ${name}`}>
      <div className="grid">
        <Panel id="obligations" title={t('filings.obligations')}>
          <Empty />
        </Panel>
        <Panel id="filings" title={t('filings.filings')}>
          <Empty />
        </Panel>
      </div>
    </OrgSection>
  );
}
