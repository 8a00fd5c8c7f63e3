import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../layout.tsx';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export default function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, needTotp ? totp : undefined);
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (x) {
      if (x instanceof ApiFailure && x.code === 'AUTH_TOTP_REQUIRED') setNeedTotp(true);
      setError(x instanceof ApiFailure ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
          <h2 id="login-title">{t('login.title')}</h2>
          <label className="field">
            <span>{t('login.email')}</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {needTotp && (
            <label className="field">
              <span>{t('login.totp')}</span>
              <input
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                value={totp}
                onChange={(e) => setTotp(e.target.value)}
                autoFocus
              />
              <span className="muted small">{t('login.recoveryHint')}</span>
            </label>
          )}
          {error && (
            <p className="error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('login.working') : t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.demoHint')}</p>
      </main>
    </div>
  );
}
