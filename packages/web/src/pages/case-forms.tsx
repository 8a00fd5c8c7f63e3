import type {
  AttachedDocument,
  CaseActionBody,
  CaseActionView,
  CaseView,
  CreateCaseBody,
} from '@civic/server/api';
import {
  CASE_ACTION_KIND_LABELS,
  CASE_ACTION_KINDS,
  COURT_OUTCOME_LABELS,
  COURT_OUTCOMES,
  labelOf,
} from '@civic/core';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure, uploadFile } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../router.tsx';
import { FormField, unplaced } from './form-field.tsx';

const failure = (e: unknown): ApiFailure =>
  e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e));
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Opens a case (lawyer, admin); on success goes to its page. */
export function NewCaseForm({ orgId, pack }: { orgId: string; pack: string | undefined }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', openedOn: '', pack: pack ?? '', notes: '' });
  const [error, setError] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: CreateCaseBody = {
      title: v.title,
      openedOn: orNull(v.openedOn),
      notes: orNull(v.notes),
      ...(v.pack.trim() ? { pack: v.pack.trim() } : {}),
    };
    try {
      const c = await api<CaseView>('POST', `/api/v1/orgs/${encodeURIComponent(orgId)}/cases`, body);
      navigate(`/orgs/${encodeURIComponent(orgId)}/cases/${encodeURIComponent(c.id)}`);
    } catch (x) {
      setError(failure(x));
    } finally {
      setBusy(false);
    }
  };
  const other = unplaced(error, ['title', 'openedOn', 'pack', 'notes']);
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="new-case" noValidate>
      <FormField label={t('workplace.caseTitle')} name="title" error={error}>
        <input value={v.title} onChange={set('title')} required maxLength={300} />
      </FormField>
      <FormField label={t('workplace.openedOn')} name="openedOn" error={error}>
        <input type="date" value={v.openedOn} onChange={set('openedOn')} />
      </FormField>
      <FormField label={t('workplace.pack')} name="pack" error={error}>
        <input value={v.pack} onChange={set('pack')} maxLength={100} />
      </FormField>
      <FormField label={t('workplace.notes')} name="notes" error={error}>
        <textarea value={v.notes} onChange={set('notes')} rows={2} />
      </FormField>
      {other && <ErrorBox error={other} />}
      <button type="submit" disabled={busy}>
        {busy ? t('workplace.saving') : t('workplace.create')}
      </button>
    </form>
  );
}

const EMPTY = {
  kind: 'notice',
  authority: '',
  servedOn: '',
  hearingOn: '',
  rulingOn: '',
  inForceOn: '',
  article: '',
  committedOn: '',
  mci: '',
  amount: '',
  outcome: '',
  notes: '',
};
const FIELDS = [
  'kind',
  'authority',
  'servedOn',
  'hearingOn',
  'rulingOn',
  'inForceOn',
  'article',
  'offence.committedOn',
  'penalty.mci',
  'penalty.amount',
  'outcome',
  'notes',
];

/** The action as the API takes it: empty fields left out; a number where a number is due. */
function actionBody(v: typeof EMPTY): CaseActionBody {
  const mci = v.mci.trim() === '' ? null : Number(v.mci.replace(',', '.'));
  const text = (k: keyof typeof EMPTY) => (orNull(v[k]) === null ? {} : { [k]: orNull(v[k]) });
  return {
    kind: v.kind,
    ...text('authority'),
    ...text('servedOn'),
    ...text('hearingOn'),
    ...text('rulingOn'),
    ...text('inForceOn'),
    ...text('article'),
    ...text('notes'),
    ...(v.kind === 'court-decision' ? { outcome: orNull(v.outcome) } : {}),
    ...(v.committedOn ? { offence: { committedOn: v.committedOn } } : {}),
    ...(mci !== null || v.amount.trim() ? { penalty: { mci, amount: orNull(v.amount) } } : {}),
  };
}

/** Adds an action (and optionally its document) to a case; `onAdded` reloads the case. */
export function AddActionForm({ base, onAdded }: { base: string; onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [v, setV] = useState(EMPTY);
  const [file, setFile] = useState<File>();
  /** Changes after each added action, so the file input (which React does not control) is emptied. */
  const [added, setAdded] = useState(0);
  const [error, setError] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const a = await api<CaseActionView>('POST', `${base}/actions`, actionBody(v));
      if (file)
        await uploadFile<AttachedDocument>(
          `${base}/actions/${encodeURIComponent(a.id)}/documents?name=${encodeURIComponent(file.name)}`,
          file,
          () => undefined,
        );
      setV(EMPTY);
      setFile(undefined);
      setAdded((n) => n + 1);
      setDone(true);
      onAdded();
    } catch (x) {
      setError(failure(x));
    } finally {
      setBusy(false);
    }
  };
  const decision = v.kind === 'court-decision';
  const payment = v.kind === 'payment';
  const other = unplaced(error, FIELDS);
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="add-action" noValidate>
      <FormField label={t('workplace.kind')} name="kind" error={error}>
        <select value={v.kind} onChange={set('kind')}>
          {CASE_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {labelOf(CASE_ACTION_KIND_LABELS, k, locale)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('workplace.authority')} name="authority" error={error}>
        <input value={v.authority} onChange={set('authority')} />
      </FormField>
      <FormField
        label={payment ? t('workplace.paidOn') : t('workplace.servedOn')}
        name="servedOn"
        error={error}
      >
        <input type="date" value={v.servedOn} onChange={set('servedOn')} />
      </FormField>
      {!payment && (
        <>
          <FormField label={t('workplace.hearingOn')} name="hearingOn" error={error}>
            <input type="date" value={v.hearingOn} onChange={set('hearingOn')} />
          </FormField>
          <FormField label={t('workplace.rulingOn')} name="rulingOn" error={error}>
            <input type="date" value={v.rulingOn} onChange={set('rulingOn')} />
          </FormField>
          <FormField label={t('workplace.inForceOn')} name="inForceOn" error={error}>
            <input type="date" value={v.inForceOn} onChange={set('inForceOn')} />
          </FormField>
          <FormField label={t('workplace.article')} name="article" error={error}>
            <input value={v.article} onChange={set('article')} />
          </FormField>
          <FormField label={t('workplace.committedOn')} name="offence.committedOn" error={error}>
            <input type="date" value={v.committedOn} onChange={set('committedOn')} />
          </FormField>
          <FormField label={t('workplace.mci')} name="penalty.mci" error={error}>
            <input inputMode="decimal" value={v.mci} onChange={set('mci')} />
          </FormField>
        </>
      )}
      {decision && (
        <FormField label={t('workplace.outcome')} name="outcome" error={error}>
          <select value={v.outcome} onChange={set('outcome')}>
            <option value="">{t('workplace.chooseOutcome')}</option>
            {COURT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {labelOf(COURT_OUTCOME_LABELS, o, locale)}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField
        label={decision && v.outcome === 'changed' ? t('workplace.newAmount') : t('workplace.amount')}
        name="penalty.amount"
        error={error}
      >
        <input inputMode="decimal" value={v.amount} onChange={set('amount')} />
      </FormField>
      <FormField label={t('workplace.notes')} name="notes" error={error}>
        <textarea value={v.notes} onChange={set('notes')} rows={2} />
      </FormField>
      <label className="field">
        <span>{t('workplace.document')}</span>
        <input key={added} type="file" name="document" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      {other && <ErrorBox error={other} />}
      {done && <p role="status">{t('workplace.added')}</p>}
      <button type="submit" disabled={busy}>
        {busy ? t('workplace.saving') : t('workplace.add')}
      </button>
    </form>
  );
}
