import type { CaseActionView } from '@civic/server/api';
import { CASE_ACTION_KIND_LABELS, COURT_OUTCOME_LABELS, FINDING_CODE_LABELS, labelOf } from '@civic/core';
import { roleAllows } from '@civic/core';
import { ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { AddActionForm } from './case-forms.tsx';
import { ObjectionPanel } from './objection-panel.tsx';

/** An action as the API shows it (the server's schema, @civic/server/api). */
type Action = CaseActionView;
interface Finding {
  code: string;
  severity: 'critical' | 'warning' | 'info';
  message: string;
  citation: string | null;
  /** The citation in the local style («статья 460-1 КоАП РК»), when the pack has one. */
  citationLabel?: string;
  citationUrl?: string;
  verified: boolean;
  /** What is open about the rule when it is not verified (the pack's note, in the language). */
  unverifiedNote?: string;
  favoursDefence: boolean;
  actionId?: string;
}

/** One case: the authorities' actions on a timeline, each finding with its citation, the objection. */
export default function CasePage({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t, date, amount, locale } = useI18n();
  const { me } = useSession();
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/cases/${encodeURIComponent(caseId)}`;
  const c = useApi<{ title: string; organisationName?: string; actions: Action[] }>(base);
  const check = useApi<{ findings: Finding[] }>(`${base}/check`);
  const role = me?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canDraft = role !== undefined && roleAllows(role, 'cases:write');
  if (c.loading && !c.data) return <Loading />;
  if (c.error || !c.data) return c.error ? <ErrorBox error={c.error} /> : null;

  return (
    <>
      <p>
        <Link to={`/orgs/${encodeURIComponent(orgId)}/cases`}>← {t('cases.back')}</Link>
      </p>
      <h1 data-testid="page-title">{c.data.title}</h1>
      <Panel id="timeline" title={t('cases.actions')}>
        <ol className="timeline" data-testid="timeline">
          {c.data.actions.map((a) => (
            <li key={a.id}>
              <time dateTime={a.date ?? undefined}>{a.date ? date(a.date) : '—'}</time>
              <div>
                <strong>{labelOf(CASE_ACTION_KIND_LABELS, a.kind, locale)}</strong>
                {a.authority && ` — ${a.authority}`}
                {a.article && <span className="muted small"> ({a.article})</span>}
                {a.penalty && (
                  <div className="small">
                    {a.penalty.mci !== null && t('cases.penalty', { mci: a.penalty.mci })}
                    {a.penalty.amount &&
                      a.penalty.currency &&
                      ` = ${amount(a.penalty.amount, a.penalty.currency)}`}
                  </div>
                )}
                {a.outcome && (
                  <div className="small">
                    {t('workplace.outcome')}: {labelOf(COURT_OUTCOME_LABELS, a.outcome, locale)}
                  </div>
                )}
                {a.documents.length > 0 && (
                  <ul className="plain small" data-testid="documents" aria-label={t('workplace.documents')}>
                    {a.documents.map((d) => (
                      <li key={d.id}>
                        {d.name} <span className="muted">sha256 {d.sha256.slice(0, 16)}…</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      </Panel>
      <Panel id="findings" title={t('cases.findings')}>
        {check.loading && <Loading />}
        {check.error && <ErrorBox error={check.error} />}
        {check.data && (
          <ul className="plain findings" data-testid="findings">
            {check.data.findings.map((f, i) => (
              <li
                key={`${f.code}-${f.actionId ?? ''}-${i}`}
                className={`finding ${f.severity}`}
                data-code={f.code}
              >
                <p>
                  <span className={`badge ${f.severity}`}>{t(`severity.${f.severity}` as MessageKey)}</span>{' '}
                  <strong>{labelOf(FINDING_CODE_LABELS, f.code, locale)}</strong>
                  {f.favoursDefence && <span className="small"> — {t('cases.favours')}</span>}
                </p>
                <p>{f.message}</p>
                {f.citation && (
                  <p className="small muted">
                    {/* The source's own text is English: ru and kk read the pack's local-style citation. */}
                    {f.citationUrl ? (
                      <a href={f.citationUrl} target="_blank" rel="noreferrer noopener">
                        {f.citationLabel ?? (locale === 'en' ? f.citation : t('cases.source'))}
                      </a>
                    ) : (
                      (f.citationLabel ?? (locale === 'en' ? f.citation : t('cases.source')))
                    )}
                    {!f.verified && ` — ${t('cases.unverified')}`}
                    {!f.verified && f.unverifiedNote && (
                      <span className="unverified-note" data-testid="unverified-note">
                        {`: ${f.unverifiedNote}`}
                      </span>
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {canDraft && (
        <Panel id="add-action" title={t('workplace.addAction')}>
          <AddActionForm
            base={base}
            onAdded={() => {
              c.reload();
              check.reload();
            }}
          />
        </Panel>
      )}
      {canDraft && <ObjectionPanel base={base} actions={c.data.actions} />}
    </>
  );
}
