import type { GrantRecord } from '@civic/server/api';
import type { ApiFailure } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A budget line as the grant form holds it (`id` for a line already stored). */
export interface LineDraft {
  readonly id?: string;
  readonly name: string;
  readonly amount: string;
}

export const linesOf = (record: unknown): LineDraft[] =>
  record && typeof record === 'object' && 'budgetLines' in record
    ? (record as GrantRecord).budgetLines.map((l) => ({ id: l.id, name: l.name, amount: l.amount }))
    : [];

/** The body's `budgetLines`: every row, named and with its amount (a stored line keeps its id). */
export const linesBody = (lines: readonly LineDraft[]) =>
  lines.map((l) => ({ ...(l.id ? { id: l.id } : {}), name: l.name.trim(), amount: l.amount.trim() }));

/** `budgetLines[2].amount` → [2, 'amount']. */
function lineField(field: string | undefined): [number, string] | null {
  const m = /^budgetLines\[(\d+)\]\.(\w+)$/.exec(field ?? '');
  return m ? [Number(m[1]), m[2] ?? ''] : null;
}

/**
 * The grant form's budget lines (issue 13): add and remove rows of a name and an amount in the
 * grant's currency; the API's error about a line (e.g. the lines come to more than the grant) shows
 * beside that line's field.
 */
export function BudgetLinesEditor({
  lines,
  currency,
  error,
  onChange,
}: {
  lines: readonly LineDraft[];
  currency: string;
  error: ApiFailure | null;
  onChange: (lines: LineDraft[]) => void;
}) {
  const { t } = useI18n();
  const at = lineField(error?.field);
  const set = (i: number, change: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <fieldset className="budget-lines" data-testid="budget-lines">
      <legend>{t('budget.title')}</legend>
      {lines.length === 0 && <p className="muted small">{t('budget.none')}</p>}
      {error && at === null && (
        // About the lines as a whole (a removed line that expenditures are allocated to).
        <p className="field-error" role="alert" data-field-error="budgetLines">
          {error.message}
        </p>
      )}
      {lines.map((line, i) => (
        <div className="row" key={line.id ?? `new-${i}`} data-budget-line={i}>
          {(['name', 'amount'] as const).map((part) => {
            const id = `budget-${i}-${part}`;
            const wrong = at !== null && at[0] === i && at[1] === part;
            return (
              <div className="field" key={part}>
                <label htmlFor={id}>
                  {part === 'name' ? t('budget.name') : t('budget.amount', { currency: currency || '—' })}
                </label>
                <input
                  id={id}
                  name={`budgetLines[${i}].${part}`}
                  value={line[part]}
                  inputMode={part === 'amount' ? 'decimal' : undefined}
                  aria-invalid={wrong || undefined}
                  aria-describedby={wrong ? `${id}-error` : undefined}
                  onChange={(e) => set(i, { [part]: e.target.value })}
                />
                {wrong && error && (
                  <p
                    className="field-error"
                    id={`${id}-error`}
                    role="alert"
                    data-field-error={`budgetLines[${i}].${part}`}
                  >
                    {error.message}
                  </p>
                )}
              </div>
            );
          })}
          <button
            type="button"
            aria-label={t('budget.removeLine', { name: line.name || String(i + 1) })}
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
          >
            {t('budget.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...lines, { name: '', amount: '' }])}>
        {t('budget.add')}
      </button>
    </fieldset>
  );
}
