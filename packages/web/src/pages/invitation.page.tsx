import { LOCALES } from '@civic/core';
import type { AcceptInvitationResult, InvitationDetails } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../layout.tsx';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { FormField, unplaced } from './form-field.tsx';

/**
 * The page an invitation link opens (issue 13): who invites and with which role; the person sets a
 * name and a password and is signed in to the organisation.
 */
export default function InvitationPage({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const { refresh } = useSession();
  const url = `/api/v1/invitations/${encodeURIComponent(token)}`;
  // Loaded again when the language changes: a refusal (expired, cancelled) reads in the new one.
  const details = useApi<InvitationDetails>(url, LOCALES.indexOf(locale));
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<AcceptInvitationResult>('POST', `${url}/accept`, { name, password, locale });
      await refresh();
      navigate(`/orgs/${encodeURIComponent(r.organisationId)}/dashboard`, { replace: true });
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
      setBusy(false);
    }
  };
  const other = unplaced(error, ['name', 'password']);
  return (
    <div className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <h1 data-testid="page-title">{t('invitation.title')}</h1>
        {details.loading && <Loading />}
        {details.error && <ErrorBox error={details.error} />}
        {details.data && (
          <form onSubmit={(e) => void submit(e)} noValidate data-testid="accept-form">
            <p>
              {t('invitation.intro', {
                org: details.data.organisationName,
                role: t(`role.${details.data.role}`),
                email: details.data.email,
              })}
            </p>
            <FormField label={t('invitation.name')} name="name" error={error}>
              <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
            </FormField>
            <FormField label={t('invitation.password')} name="password" error={error}>
              <input
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </FormField>
            {other && (
              <p className="error" role="alert">
                {other.message}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {busy ? t('invitation.working') : t('invitation.accept')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
