// Loads one thing from the API for a component: loading, ready, error, or — for endpoints a server
// may not have yet (optional) — unavailable on 404. reload() refetches; a silent reload keeps showing
// the old data meanwhile (used by live polling).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Optional endpoint answered 404: the feature is not on this server yet. */
  unavailable: boolean;
  reload: (opts?: { silent?: boolean }) => Promise<void>;
}

export function useResource<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: unknown[],
  opts: { optional?: boolean } = {},
): Resource<T> {
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({ data: undefined, error: undefined, loading: !!load, unavailable: false });
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (silent: boolean) => {
    const fn = loadRef.current;
    if (!fn) {
      setState({ data: undefined, error: undefined, loading: false, unavailable: false });
      return;
    }
    const gen = ++generation.current;
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    if (!silent) setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await fn(ac.signal);
      if (gen === generation.current) setState({ data, error: undefined, loading: false, unavailable: false });
    } catch (err) {
      if (ac.signal.aborted || gen !== generation.current) return;
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err));
      if (opts.optional && apiErr.status === 404) setState({ data: undefined, error: undefined, loading: false, unavailable: true });
      // A failed silent refresh keeps the data on screen; the next poll tries again.
      else if (silent) setState((s) => ({ ...s, loading: false }));
      else setState({ data: undefined, error: apiErr, loading: false, unavailable: false });
    }
  }, [opts.optional]);

  useEffect(() => {
    void run(false);
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const reload = useCallback((o: { silent?: boolean } = {}) => run(!!o.silent), [run]);
  return { ...state, reload };
}
