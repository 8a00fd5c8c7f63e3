import { cloneElement, type ReactElement } from 'react';
import type { ApiFailure } from '../api.ts';

/**
 * A labelled input with the API's error for it shown beneath, in the user's language (the server
 * localises the message; `name` is the field the API names, e.g. `offence.committedOn`).
 */
export function FormField({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error: ApiFailure | undefined;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = `f-${name.replace(/[^\w-]/g, '-')}`;
  const wrong = error?.field !== undefined && error.field.replace(/^actions\[\d+\]\./, '') === name;
  return (
    <label className="field">
      <span>{label}</span>
      {cloneElement(children, {
        name,
        'aria-invalid': wrong || undefined,
        'aria-describedby': wrong ? `${id}-error` : undefined,
      })}
      {wrong && (
        <span className="error small" id={`${id}-error`} role="alert" data-field-error={name}>
          {error.message}
        </span>
      )}
    </label>
  );
}

/** The error when no field of the form shows it (so it is never lost). */
export const unplaced = (error: ApiFailure | undefined, names: readonly string[]): ApiFailure | undefined =>
  error && !names.includes(error.field?.replace(/^actions\[\d+\]\./, '') ?? '') ? error : undefined;
