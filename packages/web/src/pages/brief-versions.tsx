import type { BriefVersionList } from '@civic/server/api';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

/**
 * A brief's published versions (issue 13), newest first, each with its date and summary: publishing
 * a changed summary after taking the brief back keeps the earlier text here. Each version opens to
 * the whole brief as it was published then (its Markdown text).
 */
export function BriefVersions({ url, refreshKey }: { url: string; refreshKey: number }) {
  const { t, dateTime } = useI18n();
  const versions = useApi<BriefVersionList>(`${url}/versions`, refreshKey);
  const list = versions.data?.versions ?? [];
  if (list.length === 0) return null;
  return (
    <section className="brief-versions" data-testid="brief-versions">
      <h3>{t('briefs.versions')}</h3>
      <ol>
        {list.map((v, i) => (
          <li key={`${v.publishedAt}-${i}`} data-testid="brief-version">
            <details>
              <summary>
                <strong>
                  {t(i === 0 ? 'briefs.versionLatest' : 'briefs.versionEarlier', {
                    date: dateTime(v.publishedAt),
                  })}
                </strong>
              </summary>
              <pre className="pre-line" data-testid="brief-version-text">
                {v.markdown}
              </pre>
            </details>
            <p className="pre-line">{v.summary}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
