import { ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Me } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** GET /api/v1/orgs/:orgId/signing-key (orgs.routes.ts). */
interface SigningKey {
  fingerprint: string;
  publicKey: string;
}

function OrgSigningKey({ orgId, name }: { orgId: string; name: string }) {
  const { t } = useI18n();
  const key = useApi<SigningKey>(`/api/v1/orgs/${encodeURIComponent(orgId)}/signing-key`);
  return (
    <div data-testid="signing-key">
      <dt>{name}</dt>
      <dd>
        {key.loading && <Loading />}
        {key.error && <ErrorBox error={key.error} />}
        {key.data && (
          <>
            {t('signingKey.fingerprint')}: <code className="fingerprint">{key.data.fingerprint}</code>
            <br />
            <span className="muted small">
              {t('signingKey.publicKey')}: <code>{key.data.publicKey}</code>
            </span>
          </>
        )}
      </dd>
    </div>
  );
}

/**
 * The signing key of each organisation the user belongs to (issue 12): the fingerprint to publish,
 * so that whoever receives a bundle or a filing can compare it (docs/security.md).
 */
export function SigningKeys({ me }: { me: Me }) {
  const { t } = useI18n();
  if (me.memberships.length === 0) return null;
  return (
    <section aria-labelledby="signing-keys-title">
      <h2 id="signing-keys-title">{t('signingKey.title')}</h2>
      <p className="muted">{t('signingKey.explain')}</p>
      <dl className="facts">
        {me.memberships.map((m) => (
          <OrgSigningKey key={m.organisationId} orgId={m.organisationId} name={m.organisationName} />
        ))}
      </dl>
    </section>
  );
}
