import type { PlaceSuggestion } from '@civic/server/api';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A place typed and picked from the gazetteer: as the user types, the places whose names start
 * with (or contain) the text are offered in their language with their region; picking one puts
 * its name in the field. The server still decides: a name it does not know is refused with close
 * spellings, never guessed.
 */
export function PlacePicker({
  id,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(false);
  const [places, setPlaces] = useState<readonly PlaceSuggestion[]>([]);
  useEffect(() => {
    if (!typed || value.trim().length < 2) {
      setPlaces([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<{ places: PlaceSuggestion[] }>(
        'GET',
        `/api/v1/places?limit=8&q=${encodeURIComponent(value.trim())}`,
      ).then(
        (r) => live && setPlaces(r.places),
        () => live && setPlaces([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, typed]);
  const listId = `${id}-suggestions`;
  return (
    <div className="place-picker">
      <input
        id={id}
        name="place"
        autoComplete="off"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-controls={places.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        onChange={(e) => {
          setTyped(true);
          onChange(e.target.value);
        }}
      />
      {places.length > 0 && (
        <ul
          id={listId}
          className="suggestions"
          aria-label={t('inc.suggestions')}
          data-testid="place-suggestions"
        >
          {places.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="link"
                data-testid="place-suggestion"
                onClick={() => {
                  setTyped(false);
                  setPlaces([]);
                  onChange(p.name);
                }}
              >
                {p.name}
                {p.region && <span className="muted small"> — {p.region}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
