import type { OrganisationCreated, RulePackList } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { FormField, unplaced } from './form-field.tsx';
import { InvitationLink } from './invitation-link.tsx';

const FIELDS = ['name', 'cyrillicName', 'bin', 'city', 'pack', 'adminEmail'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = {
  name: '',
  cyrillicName: '',
  bin: '',
  city: '',
  pack: '',
  adminEmail: '',
};

/**
 * Opening an organisation (issue 13), for the instance admin: its name (and the Cyrillic one the
 * Russian and Kazakh documents use), BIN, city, rule pack and first admin, who is invited by e-mail
 * (the link shown to copy when no mail is configured). POST /api/v1/orgs checks every field.
 */
const LOCALES: readonly string[] = ['en', 'ru', 'kk'];

export default function NewOrganisationPage() {
  const { t, locale } = useI18n();
  // The packs are named in the language asked in: ask again when the user switches.
  const packs = useApi<RulePackList>('/api/v1/rule-packs', LOCALES.indexOf(locale));
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [done, setDone] = useState<OrganisationCreated | null>(null);
  const pack = form.pack || packs.data?.packs[0]?.id || '';
  const set = (field: Field) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(null);
    const body = {
      name: form.name,
      pack,
      adminEmail: form.adminEmail,
      ...(form.cyrillicName.trim() ? { cyrillicName: form.cyrillicName } : {}),
      ...(form.bin.trim() ? { bin: form.bin.trim() } : {}),
      ...(form.city.trim() ? { city: form.city } : {}),
    };
    try {
      setDone(await api<OrganisationCreated>('POST', '/api/v1/orgs', body));
      setForm(EMPTY);
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    } finally {
      setBusy(false);
    }
  };
  const other = unplaced(error, FIELDS);
  const text = (field: Exclude<Field, 'pack'>, label: string, type = 'text') => (
    <FormField label={label} name={field} error={error}>
      <input type={type} value={form[field]} onChange={set(field)} />
    </FormField>
  );
  return (
    <section aria-labelledby="new-org">
      <h1 id="new-org" data-testid="page-title">
        {t('newOrg.title')}
      </h1>
      <p className="muted">{t('newOrg.intro')}</p>
      {packs.error && <ErrorBox error={packs.error} />}
      <form className="record-form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-org-form">
        {text('name', t('newOrg.name'))}
        {text('cyrillicName', t('newOrg.cyrillicName'))}
        {text('bin', t('newOrg.bin'))}
        {text('city', t('newOrg.city'))}
        <FormField label={t('newOrg.pack')} name="pack" error={error}>
          <select value={pack} onChange={set('pack')}>
            {(packs.data?.packs ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </FormField>
        {text('adminEmail', t('newOrg.adminEmail'), 'email')}
        <button type="submit" disabled={busy || !packs.data}>
          {busy ? t('newOrg.working') : t('newOrg.submit')}
        </button>
      </form>
      {other && (
        <p className="error" role="alert">
          {other.message}
        </p>
      )}
      {done && (
        <div data-testid="new-org-done">
          <p role="status">
            {t('newOrg.done', { name: done.organisation.name, fingerprint: done.fingerprint })}
          </p>
          <InvitationLink result={done} />
        </div>
      )}
    </section>
  );
}
