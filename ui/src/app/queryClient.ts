// TanStack Query setup for backend state. The backend is a local process, so failed
// calls are not retried (a retry would only repeat the same error), and errors from
// queries go to the banner — unless the query says its view shows them inline (a
// broker that is down belongs next to the topic list, with a Retry button, not twice),
// or the connection health store took it (a service that could not be reached: the
// connection view's banner says so, and retries on a backoff). Every query's outcome
// goes to that store. Mutations report their own errors because some of them (invalid
// input while saving) belong next to the form instead.
import { QueryCache, QueryClient } from "@tanstack/react-query";
import type { AppError } from "../bindings/AppError";
import type { ConnectionHealthStore } from "./connectionHealth";

export interface AppQueryMeta extends Record<string, unknown> {
  /** The view renders this query's error itself; do not also put it in the banner. */
  errorShownInline?: boolean;
}

declare module "@tanstack/react-query" {
  interface Register {
    // Everything in src/platform rejects with an AppError, never with anything else.
    defaultError: AppError;
    queryMeta: AppQueryMeta;
  }
}

export function createQueryClient(reportError: (error: AppError) => void, health: ConnectionHealthStore): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const lostConnection = health.queryFailed(query.queryKey, query.queryHash, error);
        if (lostConnection || query.meta?.errorShownInline === true) return;
        reportError(error);
      },
      onSuccess: (_data, query) => {
        health.querySucceeded(query.queryKey, query.queryHash);
      },
    }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** A refetchInterval: every `ms` (null: never), paused while the last answer was an error.
 * Queries of a connection use usePollEvery (connectionRecovery.ts), which also pauses while
 * the service is lost. */
export function pollEvery(ms: number | null) {
  return (query: { state: { status: string } }) => (ms === null || query.state.status === "error" ? false : ms);
}
