import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { BudgetLinesEditor, linesBody, linesOf } from './budget-lines-editor.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import {
  FIELDS,
  formBody,
  formField,
  formValues,
  type AnyRecord,
  type Choices,
  type Kind,
} from './ledger-record-fields.ts';

const CATEGORIES = [
  'foreign-state',
  'international-organisation',
  'foreign-organisation',
  'foreign-citizen',
  'stateless-person',
] as const;

/**
 * The form that creates or changes one ledger record. Errors the API names a field of appear next
 * to that field, in the user's language; a change someone else made first (409 on `version`) is
 * said so, with a button that reloads the record.
 */
export function LedgerRecordForm({
  base,
  kind,
  record,
  focus,
  choices,
  lineChoices,
  onSaved,
  onCancel,
}: {
  base: string;
  kind: Kind;
  record: AnyRecord | null;
  /** The field to put the cursor in (a finding's fix opens the form at its field). */
  focus?: string | undefined;
  choices: Partial<Record<Choices, readonly { value: string; label: string }[]>>;
  /** Each grant's budget lines (by grant id), offered for an expenditure's allocation. */
  lineChoices?: Readonly<Record<string, readonly { value: string; label: string }[]>>;
  onSaved: (saved: AnyRecord) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(record);
  const [values, setValues] = useState(() => formValues(kind, record));
  const [lines, setLines] = useState(() => linesOf(record));
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const el = first.current?.querySelector<HTMLElement>(focus ? `[name="${focus}"]` : 'input, select');
    el?.focus();
  }, [focus]);
  const url = `${base}/${kind}${current ? `/${encodeURIComponent(current.id)}` : ''}`;
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body =
      kind === 'grants'
        ? { ...formBody(kind, values), budgetLines: linesBody(lines) }
        : formBody(kind, values);
    const sent = current
      ? api<AnyRecord>('PATCH', url, { ...body, version: current.version })
      : api<AnyRecord>('POST', url, body);
    sent.then(
      (saved) => {
        setBusy(false);
        setCurrent(saved);
        onSaved(saved);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'NETWORK', String(err)));
      },
    );
  };
  const reload = () =>
    api<AnyRecord>('GET', url).then((fresh) => {
      setCurrent(fresh);
      setValues(formValues(kind, fresh));
      setLines(linesOf(fresh));
      setError(null);
    }, setError);
  const conflict = error?.status === 409 && error.field === 'version';
  const errorField = conflict ? undefined : formField(error?.field);
  const fieldShown =
    errorField !== undefined &&
    (FIELDS[kind].some((f) => f.name === errorField) ||
      (kind === 'grants' && /^budgetLines(\[\d+\]\.|$)/.test(error?.field ?? '')));
  const options = (c: Choices | undefined) =>
    c === 'category'
      ? CATEGORIES.map((k) => ({ value: k, label: t(`category.${k}` as MessageKey) }))
      : c === 'kind'
        ? (['money', 'property'] as const).map((k) => ({ value: k, label: t(`lf.f.kind.${k}`) }))
        : c === 'budgetLines'
          ? (lineChoices?.[values['allocations'] ?? ''] ?? [])
          : (choices[c ?? 'sources'] ?? []);
  return (
    <form ref={first} className="record-form" data-testid={`form-${kind}`} onSubmit={save} noValidate>
      {FIELDS[kind].map((field) => {
        const id = `lf-${kind}-${field.name}`;
        const invalid = errorField === field.name;
        const common = {
          id,
          name: field.name,
          value: values[field.name] ?? '',
          'aria-invalid': invalid || undefined,
          'aria-describedby': invalid ? `${id}-error` : undefined,
        };
        // Another grant has other lines: choosing it clears the line.
        const set = (v: string) =>
          setValues({
            ...values,
            [field.name]: v,
            ...(kind === 'expenditures' && field.name === 'allocations' ? { budgetLineId: '' } : {}),
          });
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>{t(`lf.f.${field.name}` as MessageKey)}</label>
            {field.type === 'select' ? (
              <select {...common} onChange={(e) => set(e.target.value)}>
                {field.optional && <option value="">{t('lf.none')}</option>}
                {options(field.choices).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type={field.type ?? 'text'} onChange={(e) => set(e.target.value)} />
            )}
            {invalid && error && (
              <p className="field-error" id={`${id}-error`} role="alert" data-field-error={field.name}>
                {error.message}
              </p>
            )}
          </div>
        );
      })}
      {kind === 'grants' && (
        <BudgetLinesEditor
          lines={lines}
          currency={values['currency'] ?? ''}
          error={errorField === 'budgetLines' ? error : null}
          onChange={setLines}
        />
      )}
      {conflict && (
        <div className="error" role="alert" data-testid="conflict">
          <p>{t('lf.conflict')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('lf.reload')}
          </button>
        </div>
      )}
      {error && !conflict && !fieldShown && <ErrorBox error={error} />}
      <div className="row">
        <button type="submit" disabled={busy}>
          {t('lf.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('lf.cancel')}
        </button>
      </div>
    </form>
  );
}
