import { LOCALES, roleAllows, isLocale, type Permission } from '@civic/core';
import type { ReactNode } from 'react';
import { LANGUAGE_NAMES, useI18n } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/en.ts';
import { Link, navigate, useLocation } from './router.tsx';
import { rememberOrg, useSession } from './session.tsx';
import { NotificationBell } from './components/notification-bell.tsx';

/** The organisation sections of the navigation, with the permission each needs. */
export const ORG_SECTIONS: readonly { path: string; label: MessageKey; needs: Permission }[] = [
  { path: 'dashboard', label: 'nav.dashboard', needs: 'org:read' },
  { path: 'ledger', label: 'nav.ledger', needs: 'ledger:read' },
  { path: 'filings', label: 'nav.filings', needs: 'filings:read' },
  { path: 'cases', label: 'nav.cases', needs: 'cases:read' },
  { path: 'audit', label: 'audit.title', needs: 'audit:read' },
  { path: 'members', label: 'nav.members', needs: 'members:manage' },
  { path: 'settings', label: 'nav.settings', needs: 'members:manage' },
];

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="field inline">
      <span>{t('layout.language')}</span>
      <select
        data-testid="language"
        value={locale}
        onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The frame of every signed-in page: skip link, header with the switches, navigation, content. */
export function Layout({ orgId, children }: { orgId: string | undefined; children: ReactNode }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const path = useLocation().split('?')[0] ?? '';
  if (!me) return null;
  const membership = me.memberships.find((m) => m.organisationId === orgId);
  const currentOrg = membership?.organisationId ?? me.memberships[0]?.organisationId;
  const currentRole = me.memberships.find((m) => m.organisationId === currentOrg)?.role;
  const section = /^\/orgs\/[^/]+\/([^/]+)/.exec(path)?.[1] ?? 'dashboard';

  const switchOrg = (id: string) => {
    rememberOrg(id);
    navigate(
      `/orgs/${encodeURIComponent(id)}/${ORG_SECTIONS.some((s) => s.path === section) ? section : 'dashboard'}`,
    );
  };
  const links = [
    ...(currentOrg && currentRole
      ? ORG_SECTIONS.filter((s) => roleAllows(currentRole, s.needs)).map((s) => ({
          to: `/orgs/${encodeURIComponent(currentOrg)}/${s.path}`,
          label: t(s.label),
        }))
      : []),
    { to: '/monitor', label: t('nav.monitor') },
    { to: '/account', label: t('nav.account') },
    ...(me.user.instanceAdmin ? [{ to: '/organisations/new', label: t('nav.newOrganisation') }] : []),
  ];

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="switches">
          {me.memberships.length > 0 && (
            <label className="field inline">
              <span>{t('layout.organisation')}</span>
              <select
                data-testid="org-switcher"
                value={currentOrg}
                onChange={(e) => switchOrg(e.target.value)}
              >
                {me.memberships.map((m) => (
                  <option key={m.organisationId} value={m.organisationId}>
                    {m.organisationName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <NotificationBell />
          <LanguageSwitch />
          <span className="muted small user" title={me.user.email}>
            {t('layout.signedInAs', { name: me.user.name })}
          </span>
          <button
            type="button"
            data-testid="sign-out"
            onClick={() => void signOut().then(() => navigate('/login'))}
          >
            {t('layout.signOut')}
          </button>
        </div>
      </header>
      <nav className="nav" aria-label={t('nav.label')}>
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} aria-current={path === l.to ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {me.instance?.encryptionWarning && (
          <p className="banner warning" role="alert" data-testid="encryption-warning">
            {t(me.instance.dialect === 'sqlite' ? 'layout.plainDatabase' : 'layout.plainFiles')}
          </p>
        )}
        {children}
      </main>
    </div>
  );
}
