import { useEffect, useState } from 'react';
import { api, ApiFailure } from './api.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiFailure | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** GETs a URL when it or `refreshKey` changes (null: nothing to load) and keeps the latest answer. */
export function useApi<T>(url: string | null, refreshKey: number = 0): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({
    loading: url !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>('GET', url).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) =>
        live &&
        setState({
          error: e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [url, tick, refreshKey]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: () => setTick((t) => t + 1),
  };
}
