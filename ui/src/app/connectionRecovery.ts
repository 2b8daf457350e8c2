// React's side of connection health: the store in context, the hooks that read it, the one
// polling rule that pauses while a service is lost, and useConnectionRecovery — mounted
// once under AppProviders — which probes each lost service on its backoff schedule and,
// when it answers again, refreshes that service's queries so every view shows it.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createContext, use, useEffect, useSyncExternalStore } from "react";
import type { AppError } from "../bindings/AppError";
import { fetchClusterOverview, fetchFlinkOverview, fetchRegistryOverview } from "../platform";
import {
  SERVICE_PARTS,
  isConnectionLoss,
  partState,
  queryTarget,
  type ConnectionHealth,
  type ConnectionHealthStore,
  type HealthState,
  type QueryTarget,
  type ServicePart,
} from "./connectionHealth";
import { pollEvery } from "./queryClient";

export const ConnectionHealthContext = createContext<ConnectionHealthStore | null>(null);

export function useConnectionHealthStore(): ConnectionHealthStore {
  const store = use(ConnectionHealthContext);
  if (store === null) throw new Error("useConnectionHealthStore needs AppProviders above it");
  return store;
}

/** Every connection's health (re-renders on any change: for lists of connections). */
export function useAllConnectionHealth(): ReadonlyMap<string, ConnectionHealth> {
  const store = useConnectionHealthStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** One connection's health; undefined while none of its services was seen failing. */
export function useConnectionHealth(connectionId: string): ConnectionHealth | undefined {
  const store = useConnectionHealthStore();
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().get(connectionId));
}

function usePartState(connectionId: string, part: ServicePart): HealthState {
  const store = useConnectionHealthStore();
  return useSyncExternalStore(store.subscribe, () => partState(store.getSnapshot().get(connectionId)?.[part]));
}

/**
 * The refetchInterval of every polling query of a connection: pollEvery(ms), and no polling
 * at all while that service is lost — the recovery probe asks instead, and refreshes the
 * query when the service answers again.
 */
export function usePollEvery(connectionId: string, part: ServicePart, ms: number | null) {
  const lost = usePartState(connectionId, part) !== "ok";
  return pollEvery(lost ? null : ms);
}

/** The cheapest command that has to reach each service: Kafka's metadata request (no
 * offsets, nothing cached by the backend), the registry's and Flink's overviews. */
const PROBES: Record<ServicePart, (connectionId: string) => Promise<unknown>> = {
  kafka: fetchClusterOverview,
  registry: fetchRegistryOverview,
  flink: fetchFlinkOverview,
};

async function probe(store: ConnectionHealthStore, target: QueryTarget): Promise<void> {
  store.probeStarted(target);
  try {
    await PROBES[target.part](target.connectionId);
    store.probeSucceeded(target);
  } catch (raw: unknown) {
    // Everything in src/platform rejects with an AppError and nothing else (callCommand).
    const error = raw as AppError;
    // Any other answer (forbidden, the connection was deleted or lost that part) came from
    // somewhere that answered: it is not for the backoff to keep asking.
    if (isConnectionLoss(error)) store.probeFailed(target, error);
    else store.probeSucceeded(target);
  }
}

function refreshAfterRecovery(queryClient: QueryClient, target: QueryTarget, causeQueryHash: string | null): void {
  void queryClient.invalidateQueries({
    predicate: (query) => {
      if (query.queryHash === causeQueryHash) return false;
      const of = queryTarget(query.queryKey);
      return of !== null && of.connectionId === target.connectionId && of.part === target.part;
    },
  });
}

export function useConnectionRecovery(): void {
  const store = useConnectionHealthStore();
  const queryClient = useQueryClient();
  const health = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(
    () =>
      store.onRecovered((target, cause) => {
        refreshAfterRecovery(queryClient, target, cause);
      }),
    [store, queryClient],
  );

  // One timer per service waiting for its next probe; re-armed whenever anything changes
  // (the due times are absolute, so re-arming never delays a probe).
  useEffect(() => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    for (const [connectionId, connection] of health) {
      for (const part of SERVICE_PARTS) {
        const waiting = connection[part];
        if (waiting?.state !== "reconnecting" || waiting.probing) continue;
        const due = Math.max(0, waiting.nextRetryAt - Date.now());
        timers.push(
          setTimeout(() => {
            void probe(store, { connectionId, part });
          }, due),
        );
      }
    }
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [health, store]);
}

/** Renders nothing: keeps useConnectionRecovery's re-renders away from the app's tree. */
export function ConnectionRecovery(): null {
  useConnectionRecovery();
  return null;
}
