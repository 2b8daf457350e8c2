// TanStack Query setup for backend state. The backend is a local process, so failed
// calls are not retried (a retry would only repeat the same error), and errors from
// queries go straight to the banner. Mutations report their own errors because some
// of them (invalid input while saving) belong next to the form instead.
import { QueryCache, QueryClient } from "@tanstack/react-query";
import type { AppError } from "../bindings/AppError";

declare module "@tanstack/react-query" {
  interface Register {
    // Everything in src/platform rejects with an AppError, never with anything else.
    defaultError: AppError;
  }
}

export function createQueryClient(reportError: (error: AppError) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportError }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
