import { Empty, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OrgSection } from './section.tsx';

// TODO(ledger): list receipts, expenditures and grants with balances from the ledger API; import a
// bank file with progress; review proposed foreign-funding receipts; official rates.
export default function LedgerPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('ledger.title')} — ${name}`}>
      <div className="grid">
        <Panel id="receipts" title={t('ledger.receipts')}>
          <Empty />
        </Panel>
        <Panel id="expenditures" title={t('ledger.expenditures')}>
          <Empty />
        </Panel>
        <Panel id="grants" title={t('ledger.grants')}>
          <Empty />
        </Panel>
      </div>
    </OrgSection>
  );
}
