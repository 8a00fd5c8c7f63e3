import type { ReactNode } from 'react';
import type { ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { errorFieldText } from './error-field.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * An error in the user's language: its message, then where (file, line, and the field by its name
 * in the language: the form's own label through `fieldLabel`, else the catalogues', never its code).
 */
export function ErrorBox({
  error,
  fieldLabel,
}: {
  error: ApiFailure;
  fieldLabel?: (field: string) => string | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="error" role="alert">
      <p>{t('common.error', { message: error.message })}</p>
      {(error.where?.file !== undefined || error.where?.line !== undefined || error.field !== undefined) && (
        <p className="small" data-testid="error-where">
          {[
            error.where?.file,
            error.where?.line !== undefined ? t('common.errorLine', { line: error.where.line }) : undefined,
            error.field !== undefined ? errorFieldText(locale, error.field, fieldLabel) : undefined,
          ]
            .filter((x) => x !== undefined)
            .join(' · ')}
        </p>
      )}
      {error.where?.detail && <p className="small muted">{error.where.detail}</p>}
      {error.requestId && <p className="muted small">{t('common.requestId', { id: error.requestId })}</p>}
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="nf-title" data-testid="not-found">
      <h1 id="nf-title">{t('common.notFound')}</h1>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to="/">{t('common.back')}</Link>
      </p>
    </section>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="muted empty">{children ?? t('common.none')}</p>;
}

/** A titled card for a list on a page. */
export function Panel({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
