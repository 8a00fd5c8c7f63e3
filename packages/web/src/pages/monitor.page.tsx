import { Empty, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

// TODO(incidents): incidents table with search and filters, timeline chart, map, detected waves,
// brief preview and publish — over what the user may see (own, network-shared and public records).
export default function MonitorPage() {
  const { t, number } = useI18n();
  const { me } = useSession();
  return (
    <>
      <h1 data-testid="page-title">{t('monitor.title')}</h1>
      <p className="muted">{t('monitor.network', { count: number(me?.networkOrganisationIds.length ?? 0) })}</p>
      <div className="grid">
        <Panel id="incidents" title={t('monitor.incidents')}>
          <Empty />
        </Panel>
        <Panel id="waves" title={t('monitor.waves')}>
          <Empty />
        </Panel>
      </div>
    </>
  );
}
