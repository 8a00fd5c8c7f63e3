import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { FormField } from './form-field.tsx';

const asError = (e: unknown): ApiFailure =>
  e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e));

/**
 * Two-step sign-in (issue 13): a QR code of the otpauth URI and the secret as text; it is on only
 * once the server has confirmed a first code (the page says so only then), and the recovery codes
 * it answers are shown this once. Turning it off takes a code or the password.
 */
export function TwoStep() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!enrolment) return setQr(null);
    let live = true;
    void QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 200 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [enrolment]);
  if (!me) return null;

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(null);
    try {
      await f();
    } catch (e) {
      setError(asError(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      setEnrolment(await api<{ secret: string; otpauthUri: string }>('POST', '/api/v1/me/totp'));
    });
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<{ totpEnabled: boolean; recoveryCodes: string[] }>(
        'POST',
        '/api/v1/me/totp/confirm',
        { code: code.trim() },
      );
      setCode('');
      if (!r.totpEnabled) return;
      // The account as the server now has it first, so the state line and the notice agree.
      await refresh();
      setEnrolment(null);
      setRecovery(r.recoveryCodes);
      setNotice(t('twoStep.on'));
    });
  };
  const turnOff = (e: FormEvent) => {
    e.preventDefault();
    const proof = /^\d{6,8}$/.test(code.trim()) ? { code: code.trim() } : { password: code };
    void run(async () => {
      await api('DELETE', '/api/v1/me/totp', proof);
      setCode('');
      await refresh();
      setNotice(t('twoStep.off'));
    });
  };
  const fieldError =
    error && (error.field === 'code' || error.field === 'password')
      ? new ApiFailure(error.status, error.code, error.message, 'code')
      : undefined;

  return (
    <section aria-labelledby="two-step-title" data-testid="two-step">
      <h2 id="two-step-title">{t('twoStep.title')}</h2>
      <p data-testid="two-step-state">{me.user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</p>
      {!me.user.totpEnabled && !enrolment && (
        <button type="button" disabled={busy} onClick={() => void start()}>
          {t('account.totpStart')}
        </button>
      )}
      {enrolment && (
        <form onSubmit={confirm} noValidate data-testid="two-step-setup">
          <p>{t('twoStep.scan')}</p>
          {qr && <img src={qr} alt={t('twoStep.qrAlt')} width={200} height={200} data-testid="totp-qr" />}
          <p>
            {t('twoStep.secretLabel')}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <p className="muted">{t('twoStep.confirmHint')}</p>
          <FormField label={t('account.totpCode')} name="code" error={fieldError}>
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </FormField>
          <button type="submit" disabled={busy}>
            {busy ? t('twoStep.checking') : t('twoStep.confirm')}
          </button>
        </form>
      )}
      {recovery && (
        <div className="card" data-testid="recovery-codes">
          <h3>{t('twoStep.recoveryTitle')}</h3>
          <p>{t('twoStep.recoveryHint')}</p>
          <ol className="recovery-codes">
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setRecovery(null)}>
            {t('twoStep.recoveryDone')}
          </button>
        </div>
      )}
      {me.user.totpEnabled && !recovery && (
        <form onSubmit={turnOff} noValidate data-testid="two-step-off">
          <p className="muted">{t('twoStep.offHint')}</p>
          <FormField label={t('twoStep.codeOrPassword')} name="code" error={fieldError}>
            <input
              type="password"
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </FormField>
          <button type="submit" disabled={busy}>
            {t('twoStep.turnOff')}
          </button>
        </form>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && !fieldError && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
