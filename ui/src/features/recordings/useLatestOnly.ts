// A LatestOnlyLoader as a hook: the query (a time, or what to load at a time) changes as
// often as it likes — it is told apart by `identify` — and the answer shown is the last one
// loaded, kept while a newer query loads, with the query it belongs to. Failures are
// AppErrors, for the caller to show inline.
import { useEffect, useRef, useState } from "react";
import type { AppError } from "../../bindings/AppError";
import { toAppError } from "../../platform";
import { LatestOnlyLoader } from "./latestOnly";

export interface LatestOnly<Q, T> {
  /** The last answer loaded (kept while a newer query loads). */
  data: T | undefined;
  /** The query `data` answers. */
  dataQuery: Q | undefined;
  /** The last load's failure; cleared by the next answer. */
  error: AppError | null;
  /** A newer query than the last outcome's is loading. */
  pending: boolean;
}

interface Loaded<Q, T> {
  data: T | undefined;
  dataQuery: Q | undefined;
  error: AppError | null;
  /** The identity of the last outcome's query, answer or failure. */
  settled: string | number | undefined;
}

export function useLatestOnly<Q, T>(
  query: Q | null,
  identify: (query: Q) => string | number,
  load: (query: Q) => Promise<T>,
): LatestOnly<Q, T> {
  const [loaded, setLoaded] = useState<Loaded<Q, T>>({ data: undefined, dataQuery: undefined, error: null, settled: undefined });
  const loadRef = useRef(load);
  const identifyRef = useRef(identify);
  const queryRef = useRef(query);
  const loader = useRef<LatestOnlyLoader<Q, T> | null>(null);
  const id = query === null ? null : identify(query);

  useEffect(() => {
    loadRef.current = load;
    identifyRef.current = identify;
    queryRef.current = query;
  });

  useEffect(() => {
    const current = new LatestOnlyLoader<Q, T>(
      (q) => loadRef.current(q),
      (outcome) => {
        const settled = identifyRef.current(outcome.key);
        setLoaded((previous) =>
          outcome.ok
            ? { data: outcome.value, dataQuery: outcome.key, error: null, settled }
            : { ...previous, error: toAppError(outcome.error), settled },
        );
      },
      (a, b) => identifyRef.current(a) === identifyRef.current(b),
    );
    loader.current = current;
    return () => {
      current.dispose();
      loader.current = null;
    };
  }, []);

  useEffect(() => {
    const current = queryRef.current;
    if (id !== null && current !== null) loader.current?.request(current);
  }, [id, load]);

  return {
    data: loaded.data,
    dataQuery: loaded.dataQuery,
    error: loaded.error,
    pending: id !== null && loaded.settled !== id,
  };
}
