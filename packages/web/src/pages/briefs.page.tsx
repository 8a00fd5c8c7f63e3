import type { BriefView } from '@civic/server/api';
import { isLocale } from '@civic/core';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { LANGUAGE_NAMES, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { BriefVersions } from './brief-versions.tsx';

/** One brief of the list: open it, edit its summary from its version, publish or take it back. */
function BriefRow({
  brief,
  canPublish,
  onChanged,
}: {
  brief: BriefView;
  canPublish: boolean;
  onChanged(b: BriefView | null): void;
}) {
  const { t, date, dateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(brief.summary);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState('');
  const url = `/api/v1/briefs/${encodeURIComponent(brief.id)}`;
  const fail = (e: unknown) =>
    setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api<BriefView>('PATCH', url, { version: brief.version, summary }).then((b) => {
      setEditing(false);
      setNotice(t('briefs.saved'));
      onChanged(b);
    }, fail);
  };
  const publish = (on: boolean) => {
    setError(null);
    api<BriefView>('POST', `${url}/${on ? 'publish' : 'unpublish'}`).then(onChanged, fail);
  };
  const conflict = error?.status === 409 && error.field === 'version';
  const lang = isLocale(brief.lang) ? LANGUAGE_NAMES[brief.lang] : brief.lang;
  return (
    <li className="brief" data-testid="brief-row" data-brief-id={brief.id}>
      <strong data-testid="brief-title">{brief.title}</strong>
      <dl className="facts small">
        <div>
          <dt>{t('briefs.wave')}</dt>
          <dd>{brief.waveFrom && brief.waveTo ? `${date(brief.waveFrom)} – ${date(brief.waveTo)}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('briefs.language')}</dt>
          <dd>{lang}</dd>
        </div>
        <div>
          <dt>{t('briefs.written')}</dt>
          <dd>{dateTime(brief.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('briefs.status')}</dt>
          <dd data-testid="brief-status">
            {brief.publishedAt
              ? t('briefs.publishedOn', { date: dateTime(brief.publishedAt) })
              : t('briefs.draft')}
          </dd>
        </div>
      </dl>
      <p data-testid="brief-summary">{brief.summary}</p>
      <span className="actions">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="open-brief">
          {open ? t('briefs.close') : t('briefs.open')}
        </button>
        {canPublish && (
          <>
            <button type="button" onClick={() => setEditing(!editing)} data-testid="edit-brief">
              {t('briefs.editSummary')}
            </button>
            {brief.publishedAt ? (
              <button type="button" onClick={() => publish(false)} data-testid="unpublish-brief">
                {t('briefs.unpublish')}
              </button>
            ) : (
              <button type="button" onClick={() => publish(true)} data-testid="publish-brief">
                {t('briefs.publish')}
              </button>
            )}
          </>
        )}
      </span>
      {notice && (
        <p role="status" className="muted small">
          {notice}
        </p>
      )}
      {editing && (
        <form onSubmit={save} className="record-form" data-testid="brief-form">
          <label className="field">
            <span>{t('briefs.summary')}</span>
            <textarea
              name="summary"
              rows={5}
              value={summary}
              aria-invalid={error?.field === 'summary' || undefined}
              onChange={(e) => setSummary(e.target.value)}
            />
            {error?.field === 'summary' && (
              <span className="error small" role="alert" data-field-error="summary">
                {error.message}
              </span>
            )}
          </label>
          <button type="submit" data-testid="save-brief">
            {t('briefs.save')}
          </button>
        </form>
      )}
      {conflict && (
        <div className="error" role="alert" data-testid="conflict">
          <p>{t('briefs.conflict')}</p>
          <button type="button" onClick={() => onChanged(null)}>
            {t('briefs.reload')}
          </button>
        </div>
      )}
      {error && !conflict && error.field !== 'summary' && <ErrorBox error={error} />}
      {open && <BriefVersions url={url} refreshKey={brief.version * 2 + (brief.publishedAt ? 1 : 0)} />}
      {open && (
        <iframe
          title={t('briefs.preview')}
          sandbox=""
          src={`${url}?v=${brief.version}`}
          className="brief-frame"
          data-testid="brief-preview"
        />
      )}
    </li>
  );
}

/** Every brief (drafts and published ones for monitors and admins; published ones for others). */
export default function BriefsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [tick, setTick] = useState(0);
  const list = useApi<{ briefs: BriefView[] }>('/api/v1/briefs', tick);
  const [changed, setChanged] = useState<Record<string, BriefView>>({});
  const canPublish = (me?.memberships ?? []).some((m) => m.role === 'monitor' || m.role === 'admin');
  const briefs = (list.data?.briefs ?? []).map((b) => changed[b.id] ?? b);
  return (
    <>
      <p>
        <Link to="/monitor">{t('inc.back')}</Link>
      </p>
      <h1 data-testid="page-title">{t('briefs.title')}</h1>
      <Panel id="briefs" title={t('briefs.all')}>
        {list.loading && <Loading />}
        {list.error && <ErrorBox error={list.error} />}
        {list.data && briefs.length === 0 && <Empty>{t('briefs.none')}</Empty>}
        <ul className="briefs" data-testid="briefs">
          {briefs.map((b) => (
            <BriefRow
              key={b.id}
              brief={b}
              canPublish={canPublish}
              onChanged={(next) => {
                if (next) setChanged((old) => ({ ...old, [next.id]: next }));
                else {
                  setChanged({});
                  setTick((x) => x + 1);
                }
              }}
            />
          ))}
        </ul>
      </Panel>
    </>
  );
}
