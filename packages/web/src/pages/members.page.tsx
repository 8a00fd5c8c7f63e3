import { ROLES, type Role } from '@civic/core';
import type { InvitationResent, InvitationView, InviteResult, MemberView } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { FormField, unplaced } from './form-field.tsx';
import { InvitationLink } from './invitation-link.tsx';
import { OrgSection } from './section.tsx';

const asError = (e: unknown): ApiFailure =>
  e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e));

/**
 * The organisation's members for its admin (issue 13): invite, change roles, remove; pending
 * invitations cancelled or sent again (a new link to copy).
 */
export default function MembersPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  return (
    <OrgSection orgId={orgId} title={(org) => t('members.title', { org })}>
      <Members orgId={orgId} />
    </OrgSection>
  );
}

function Members({ orgId }: { orgId: string }) {
  const { t, date } = useI18n();
  const { me, refresh } = useSession();
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}`;
  const members = useApi<{ members: MemberView[] }>(`${base}/members`);
  const invitations = useApi<{ invitations: InvitationView[] }>(`${base}/invitations`);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | undefined>();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [resent, setResent] = useState<InviteResult | null>(null);
  const roleLabel = (r: Role) => t(`role.${r}`);

  const act = async (f: () => Promise<string>) => {
    setNotice(null);
    setFailure(undefined);
    try {
      setNotice(await f());
      members.reload();
      invitations.reload();
    } catch (e) {
      setFailure(asError(e));
      members.reload();
    }
  };
  const changeRole = (m: MemberView, role: Role) =>
    act(async () => {
      await api('PATCH', `${base}/members/${encodeURIComponent(m.userId)}`, { role, version: m.version });
      if (m.userId === me?.user.id) await refresh();
      return t('members.roleChanged', { name: m.name, role: roleLabel(role) });
    });
  const cancel = (i: InvitationView) =>
    act(async () => {
      setResent(null);
      await api('DELETE', `${base}/invitations/${encodeURIComponent(i.id)}`);
      return t('members.invitationCancelled', { email: i.email });
    });
  const resend = (i: InvitationView) =>
    act(async () => {
      const r = await api<InvitationResent>('POST', `${base}/invitations/${encodeURIComponent(i.id)}/resend`);
      setResent({ status: 'invited', member: null, ...r });
      return t('members.invitationResent', { email: i.email });
    });
  const remove = (m: MemberView) =>
    act(async () => {
      setConfirming(null);
      await api('DELETE', `${base}/members/${encodeURIComponent(m.userId)}`);
      return t('members.removed', { name: m.name });
    });

  return (
    <>
      <InviteForm
        base={base}
        onDone={() => {
          invitations.reload();
          members.reload();
        }}
      />
      <section aria-labelledby="members-list">
        <h2 id="members-list">{t('members.list')}</h2>
        {members.error && <ErrorBox error={members.error} />}
        <div className="table-wrap">
          <table data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {(members.data?.members ?? []).map((m) => (
                <tr key={m.userId} data-member={m.email}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    <select
                      aria-label={`${t('members.role')}: ${m.name}`}
                      value={m.role}
                      onChange={(e) => void changeRole(m, e.target.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleLabel(r)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{date(m.since.slice(0, 10))}</td>
                  <td>
                    {confirming === m.userId ? (
                      <span className="row" role="group">
                        <span>{t('members.confirmRemove', { name: m.name })}</span>
                        <button type="button" className="danger" onClick={() => void remove(m)}>
                          {t('members.confirm')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('members.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirming(m.userId)}>
                        {t('members.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {notice && <p role="status">{notice}</p>}
        {failure && (
          <p className="error" role="alert" data-testid="members-error">
            {failure.message}
          </p>
        )}
      </section>
      <section aria-labelledby="members-pending">
        <h2 id="members-pending">{t('members.pending')}</h2>
        {(invitations.data?.invitations.length ?? 0) === 0 ? (
          <p className="muted">{t('members.none')}</p>
        ) : (
          <ul data-testid="invitations">
            {invitations.data?.invitations.map((i) => (
              <li key={i.id} data-invitation={i.email}>
                {i.email} — {roleLabel(i.role)} — {t('members.expires')} {date(i.expiresAt.slice(0, 10))}{' '}
                <button type="button" onClick={() => void resend(i)}>
                  {t('members.resendInvitation')}
                </button>{' '}
                <button type="button" className="danger" onClick={() => void cancel(i)}>
                  {t('members.cancelInvitation')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {resent && <InvitationLink result={resent} />}
      </section>
    </>
  );
}

function InviteForm({ base, onDone }: { base: string; onDone: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('accountant');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [result, setResult] = useState<InviteResult | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(null);
    try {
      setResult(await api<InviteResult>('POST', `${base}/members`, { email, role }));
      setEmail('');
      onDone();
    } catch (x) {
      setError(asError(x));
    } finally {
      setBusy(false);
    }
  };
  const other = unplaced(error, ['email', 'role']);
  return (
    <section aria-labelledby="members-invite">
      <h2 id="members-invite">{t('members.invite')}</h2>
      <form className="row" onSubmit={(e) => void submit(e)} noValidate data-testid="invite-form">
        <FormField label={t('members.email')} name="email" error={error}>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </FormField>
        <FormField label={t('members.role')} name="role" error={error}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" disabled={busy}>
          {busy ? t('members.sending') : t('members.send')}
        </button>
      </form>
      {other && (
        <p className="error" role="alert">
          {other.message}
        </p>
      )}
      {result && <InvitationLink result={result} />}
    </section>
  );
}
