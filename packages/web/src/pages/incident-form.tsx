import { ACTION_TYPE_LABELS, ACTION_TYPES, labelOf } from '@civic/core';
import type { IncidentBody, IncidentView } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useSession } from '../session.tsx';
import { PlacePicker } from './place-picker.tsx';

type Values = Record<Name, string>;
const NAMES = [
  'date',
  'dateTo',
  'organisation',
  'place',
  'latitude',
  'longitude',
  'authority',
  'office',
  'action',
  'legalBasis',
  'penaltyMci',
  'suspensionMonths',
  'outcome',
  'sources',
  'notes',
  'visibility',
  'org',
] as const;
type Name = (typeof NAMES)[number];
const LONG: readonly Name[] = ['outcome', 'notes', 'sources'];
const NUMBERS: readonly Name[] = ['latitude', 'longitude', 'penaltyMci', 'suspensionMonths'];
const VISIBILITIES = ['public', 'network', 'private'] as const;

/** The field an API error names, as the form's (`penalty_mci` and `penaltyMci` are one field). */
const fieldKey = (field: string | undefined): Name | undefined => {
  const k = (field ?? '').replace(/_/g, '').toLowerCase();
  return NAMES.find((n) => n.toLowerCase() === k);
};

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

function valuesOf(i: IncidentView | null, org: string): Values {
  return {
    date: i?.date ?? '',
    dateTo: i && i.dateTo !== i.date ? i.dateTo : '',
    organisation: i?.organisation ?? '',
    place: i?.placeLabel ?? '',
    latitude: text(i?.latitude),
    longitude: text(i?.longitude),
    authority: text(i?.authority),
    office: text(i?.office),
    action: i?.action ?? 'notice',
    legalBasis: text(i?.legalBasis),
    penaltyMci: text(i?.penaltyMci),
    suspensionMonths: text(i?.suspensionMonths),
    outcome: text(i?.outcome),
    sources: (i?.sources ?? []).map((s) => s.url).join('\n'),
    notes: text(i?.notes),
    visibility: i?.visibility ?? 'public',
    org: i?.ownerOrganisationId ?? org,
  };
}

/** A number as typed (a decimal comma allowed); text that is not one goes as it is, for the server to name. */
function numberOrText(v: string): number | string | null {
  const t = v.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : v;
}

function bodyOf(v: Values, kept: IncidentView | null): IncidentBody {
  const nullable = (s: string) => (s.trim() === '' ? null : s.trim());
  const urls = v.sources.split(/\s+/).filter((u) => u !== '');
  // A source kept as it was keeps its title and day.
  const sources = urls.map((url) => kept?.sources.find((s) => s.url === url) ?? { url });
  const body = {
    date: v.date,
    // An empty last day is the first: a change from a range back to one day takes effect.
    dateTo: v.dateTo.trim() || v.date,
    organisation: v.organisation,
    place: v.place,
    latitude: numberOrText(v.latitude),
    longitude: numberOrText(v.longitude),
    authority: nullable(v.authority),
    office: nullable(v.office),
    action: v.action,
    legalBasis: nullable(v.legalBasis),
    penaltyMci: numberOrText(v.penaltyMci),
    suspensionMonths: numberOrText(v.suspensionMonths),
    outcome: nullable(v.outcome),
    sources,
    notes: nullable(v.notes),
    visibility: v.visibility as IncidentBody['visibility'],
    ...(v.org ? { org: v.org } : {}),
  };
  // Text in a number field goes as typed: the server names the field in the user's language.
  return body as IncidentBody;
}

/**
 * The form that enters or changes an incident: the thirteen fields of the incident file, the range
 * end, office, who may see it and the owner; the place picked from the gazetteer as the user types.
 * Errors the API names a field of appear next to it in the user's language; a change someone else
 * made first (409 on `version`) is said so, with a button that reloads the incident.
 */
export function IncidentForm({
  incident,
  onSaved,
  onCancel,
}: {
  incident: IncidentView | null;
  onSaved(saved: IncidentView): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const writable = (me?.memberships ?? []).filter((m) => ['admin', 'monitor', 'lawyer'].includes(m.role));
  const [current, setCurrent] = useState(incident);
  const [values, setValues] = useState(() => valuesOf(incident, writable[0]?.organisationId ?? ''));
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: Name, v: string) => setValues((old) => ({ ...old, [name]: v }));

  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body = bodyOf(values, current);
    const sent = current
      ? api<IncidentView>('PATCH', `/api/v1/incidents/${encodeURIComponent(current.id)}`, {
          ...body,
          version: current.version,
        })
      : api<IncidentView>('POST', '/api/v1/incidents', body);
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
  const reload = () => {
    if (!current) return;
    api<IncidentView>('GET', `/api/v1/incidents/${encodeURIComponent(current.id)}`).then((fresh) => {
      setCurrent(fresh);
      setValues(valuesOf(fresh, ''));
      setError(null);
    }, setError);
  };
  const conflict = error?.status === 409 && error.field === 'version';
  const errorField = conflict ? undefined : fieldKey(error?.field);
  const shown = NAMES.filter((n) => n !== 'org' || writable.length > 1);
  const fieldShown = errorField !== undefined && shown.includes(errorField);

  const input = (name: Name) => {
    const id = `inc-${name}`;
    const invalid = errorField === name;
    const common = {
      id,
      name,
      value: values[name],
      'aria-invalid': invalid || undefined,
      'aria-describedby': invalid ? `${id}-error` : undefined,
    };
    if (name === 'place')
      return (
        <PlacePicker
          id={id}
          value={values.place}
          invalid={invalid}
          describedBy={common['aria-describedby']}
          onChange={(v) => setValues((old) => ({ ...old, place: v, latitude: '', longitude: '' }))}
        />
      );
    if (name === 'action')
      return (
        <select {...common} onChange={(e) => set(name, e.target.value)}>
          {ACTION_TYPES.map((a) => (
            <option key={a} value={a}>
              {labelOf(ACTION_TYPE_LABELS, a, locale)}
            </option>
          ))}
        </select>
      );
    if (name === 'visibility')
      return (
        <select {...common} onChange={(e) => set(name, e.target.value)}>
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`visibility.${v}`)}
            </option>
          ))}
        </select>
      );
    if (name === 'org')
      return (
        <select {...common} onChange={(e) => set(name, e.target.value)}>
          {writable.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.organisationName}
            </option>
          ))}
        </select>
      );
    if (LONG.includes(name))
      return <textarea {...common} rows={3} onChange={(e) => set(name, e.target.value)} />;
    return (
      <input
        {...common}
        type={name === 'date' || name === 'dateTo' ? 'date' : 'text'}
        inputMode={NUMBERS.includes(name) ? 'decimal' : undefined}
        onChange={(e) => set(name, e.target.value)}
      />
    );
  };

  return (
    <form className="record-form incident-form" data-testid="incident-form" onSubmit={save} noValidate>
      {shown.map((name) => {
        const id = `inc-${name}`;
        const invalid = errorField === name && error !== null;
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{t(`inc.f.${name}` as MessageKey)}</label>
            {input(name)}
            {name === 'place' && <p className="muted small">{t('inc.placeHint')}</p>}
            {name === 'latitude' && <p className="muted small">{t('inc.coordinatesHint')}</p>}
            {invalid && (
              <div className="field-error" id={`${id}-error`} role="alert" data-field-error={name}>
                <p>{error.message}</p>
                {name === 'place' && error.suggestions && error.suggestions.length > 0 && (
                  <p>
                    {t('inc.didYouMean')}{' '}
                    {error.suggestions.map((s) => (
                      <button
                        key={s}
                        type="button"
                        className="link"
                        data-testid="place-hint"
                        onClick={() =>
                          setValues((old) => ({ ...old, place: s, latitude: '', longitude: '' }))
                        }
                      >
                        {s}
                      </button>
                    ))}
                  </p>
                )}
              </div>
            )}
          </div>
        );
      })}
      {conflict && (
        <div className="error" role="alert" data-testid="conflict">
          <p>{t('inc.conflict')}</p>
          <button type="button" onClick={reload} data-testid="reload">
            {t('inc.reload')}
          </button>
        </div>
      )}
      {error && !conflict && !fieldShown && (
        <ErrorBox
          error={error}
          fieldLabel={(f) => {
            const k = fieldKey(f);
            return k ? t(`inc.f.${k}` as MessageKey) : undefined;
          }}
        />
      )}
      <div className="row">
        <button type="submit" disabled={busy} data-testid="save-incident">
          {t('inc.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('inc.cancel')}
        </button>
      </div>
    </form>
  );
}
