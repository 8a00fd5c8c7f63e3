import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from '@civic/core';
import { Empty, ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { OrgSection } from './section.tsx';

interface AuditEntry {
  id: string;
  at: string;
  actor: { label: string };
  channel: 'web' | 'cli';
  entity: string;
  entityId: string;
  action: string;
}

export default function AuditPage({ orgId }: { orgId: string }) {
  const { t, dateTime, locale } = useI18n();
  const trail = useApi<{ entries: AuditEntry[] }>(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/audit?limit=200`,
  );
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('audit.title')} — ${name}`}>
      {trail.loading && <Loading />}
      {trail.error && <ErrorBox error={trail.error} />}
      {trail.data && trail.data.entries.length === 0 && <Empty />}
      {trail.data && trail.data.entries.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.channel')}</th>
                <th scope="col">{t('audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.actor.label}</td>
                  <td>{e.channel === 'cli' ? t('audit.channelCli') : t('audit.channelWeb')}</td>
                  <td>
                    {labelOf(AUDIT_ENTITY_LABELS, e.entity, locale)}:{' '}
                    {labelOf(AUDIT_ACTION_LABELS, e.action, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </OrgSection>
  );
}
