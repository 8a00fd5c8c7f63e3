import { localLegalBasis, type Locale } from '@civic/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';

/**
 * What an empty incident search says: what was searched («Слова: «штраф», Место: «Орал»») and a
 * button per filter to remove it. With no filter at all it says that nothing is recorded yet —
 * never that when a filter hides the data.
 */
export function NoMatch({
  filters,
  labels,
  onRemove,
}: {
  filters: readonly (readonly [string, string])[];
  labels: Readonly<Record<string, MessageKey>>;
  onRemove(field: string): void;
}) {
  const { t, date, locale } = useI18n();
  if (filters.length === 0)
    return (
      <p className="muted empty" data-testid="no-match">
        {t('monitor.noIncidents')}
      </p>
    );
  const shown = (field: string, value: string) => {
    const key = labels[field];
    return `${key ? t(key) : field}: «${filterValue(field, value, locale, date)}»`;
  };
  return (
    <div className="muted empty" data-testid="no-match" role="status">
      <p>{t('monitor.noMatch', { filters: filters.map(([f, v]) => shown(f, v)).join('; ') })}</p>
      <p>{t('monitor.noMatchHint')}</p>
      <ul className="plain row">
        {filters.map(([f, v]) => (
          <li key={f}>
            <button type="button" onClick={() => onRemove(f)} data-testid={`remove-filter-${f}`}>
              {t('monitor.removeFilter', { filter: shown(f, v) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A filter's value as the page shows it: a day in words, a legal basis normalised to its article in
 * the language's citation style («ст. 460-1 КоАП РК», «ӘҚБтК 460-1-бабы»), any other value as typed.
 */
export function filterValue(
  field: string,
  value: string,
  locale: Locale,
  date: (iso: string) => string,
): string {
  if (field === 'from' || field === 'to') return date(value);
  if (field === 'legalBasis') return localLegalBasis(value, locale) ?? value;
  return value;
}

/** The filters a search is narrowed by, each with a button to remove it. */
export function FilterChips({
  filters,
  labels,
  onRemove,
}: {
  filters: readonly (readonly [string, string])[];
  labels: Readonly<Record<string, MessageKey>>;
  onRemove(field: string): void;
}) {
  const { t, date, locale } = useI18n();
  if (filters.length === 0) return null;
  const name = (f: string): string => (labels[f] ? t(labels[f]) : f);
  return (
    <ul className="plain row chips" data-testid="active-filters">
      {filters.map(([f, v]) => (
        <li key={f} data-testid={`filter-${f}`}>
          {name(f)}: {filterValue(f, v, locale, date)}{' '}
          <button
            type="button"
            onClick={() => onRemove(f)}
            aria-label={t('monitor.removeFilter', { filter: name(f) })}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
