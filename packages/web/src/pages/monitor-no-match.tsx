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
  const { t, date } = useI18n();
  if (filters.length === 0)
    return (
      <p className="muted empty" data-testid="no-match">
        {t('monitor.noIncidents')}
      </p>
    );
  const shown = (field: string, value: string) => {
    const key = labels[field];
    const v = field === 'from' || field === 'to' ? date(value) : value;
    return `${key ? t(key) : field}: «${v}»`;
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
