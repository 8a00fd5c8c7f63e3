import type { Locale, Role } from '@civic/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiFailure } from './api.ts';
import { storedLocale, useI18n } from './i18n/i18n.tsx';

export interface Me {
  readonly user: {
    id: string;
    email: string;
    name: string;
    locale: Locale;
    totpEnabled: boolean;
    instanceAdmin: boolean;
  };
  readonly memberships: readonly { organisationId: string; organisationName: string; role: Role }[];
  readonly networkOrganisationIds: readonly string[];
  /** Instance admins only: encryption at rest (a warning until the database is encrypted). */
  readonly instance?: {
    dialect: 'sqlite' | 'postgres';
    databaseEncrypted: boolean;
    filesEncrypted: boolean;
    encryptionWarning: boolean;
  };
}

export interface Session {
  /** undefined while loading, null when signed out. */
  readonly me: Me | null | undefined;
  signIn(email: string, password: string, totp?: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const LAST_ORG_KEY = 'civic.org';

/** The organisation to open by default: the last one used in this browser, else the first. */
export function defaultOrgId(me: Me): string | undefined {
  const last = window.localStorage.getItem(LAST_ORG_KEY);
  return (
    me.memberships.find((m) => m.organisationId === last)?.organisationId ?? me.memberships[0]?.organisationId
  );
}

export function rememberOrg(orgId: string): void {
  window.localStorage.setItem(LAST_ORG_KEY, orgId);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { locale, setLocale } = useI18n();

  // The language: one chosen in this browser wins (the effect below saves it to the account);
  // in a browser with no choice yet, the account's language is used.
  const adopt = useCallback(
    (m: Me) => {
      if (!storedLocale()) setLocale(m.user.locale);
      setMe(m);
    },
    [setLocale],
  );

  const refresh = useCallback(async () => {
    try {
      adopt(await api<Me>('GET', '/api/v1/me'));
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) setMe(null);
      else throw e;
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Keep the account's language in step with the switch.
  useEffect(() => {
    if (me && me.user.locale !== locale) {
      void api<Me['user']>('PATCH', '/api/v1/me', { locale }).then(
        (user) => setMe((m) => (m ? { ...m, user } : m)),
        () => undefined,
      );
    }
  }, [locale, me]);

  const value = useMemo<Session>(
    () => ({
      me,
      refresh,
      async signIn(email, password, totp) {
        await api('POST', '/api/v1/session', { email, password, ...(totp ? { totp } : {}) });
        await refresh();
      },
      async signOut() {
        await api('DELETE', '/api/v1/session').catch(() => undefined);
        setMe(null);
      },
    }),
    [me, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
