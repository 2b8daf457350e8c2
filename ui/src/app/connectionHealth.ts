// Whether each saved connection's services (Kafka, Schema Registry, Flink) can be reached,
// as far as the app has seen: `ok`, `reconnecting` (waiting for the next probe on an
// exponential backoff with jitter) or `offline` (gave up after MAX_ATTEMPTS probes until
// the user asks again). Plain TypeScript, no React and no platform calls: the query cache
// reports what its queries saw, useConnectionRecovery runs the probes, and the views read
// the snapshot. A service with no entry has never been seen failing.
import type { QueryKey } from "@tanstack/react-query";
import type { AppError } from "../bindings/AppError";

export type ServicePart = "kafka" | "registry" | "flink";
export const SERVICE_PARTS: readonly ServicePart[] = ["kafka", "registry", "flink"];

export type HealthState = "ok" | "reconnecting" | "offline";

export type PartHealth =
  /** `recoveredAt`: when a confirmed loss ended (for "Reconnected"); null if none did. */
  | { readonly state: "ok"; readonly recoveredAt: number | null }
  | {
      readonly state: "reconnecting";
      /** The probe this wait leads to: 1 for the first after the failure. */
      readonly attempt: number;
      /** When that probe starts (ms since the epoch). */
      readonly nextRetryAt: number;
      readonly lastError: AppError;
      /** A probe is running now. */
      readonly probing: boolean;
      /** A probe failed too (or the service was offline before): the loss is not just one
       * request's own failure. */
      readonly confirmed: boolean;
    }
  | { readonly state: "offline"; readonly attempts: number; readonly lastError: AppError };

export type ConnectionHealth = Readonly<Partial<Record<ServicePart, PartHealth>>>;

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;
/** Each wait is its nominal length ±20 %, so many windows that lost the same broker do not
 * all ask again in the same instant. */
export const BACKOFF_JITTER = 0.2;
/** Probes before giving up: 1+2+4+8+16+30×5 s ≈ 3 minutes of waits. */
export const MAX_ATTEMPTS = 10;
/** A query whose failure a successful probe contradicted is not believed again for this long. */
export const DISPROVED_FOR_MS = 60_000;

/** The wait before probe `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s, with jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const nominal = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
  const jittered = nominal * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random());
  return Math.round(Math.min(jittered, BACKOFF_CAP_MS));
}

// Transport words in an `internal` error (the IPC bridge, a library's own message).
const NETWORKISH =
  /connection (?:refused|reset|closed|aborted)|broken pipe|network|timed out|transport failure|host unreachable/i;

/** Whether an error says a service could not be reached (rather than what it answered). */
export function isConnectionLoss(error: AppError): boolean {
  return error.kind === "unavailable" || (error.kind === "internal" && NETWORKISH.test(error.message));
}

/** Every query key of a connection reads [domain, connectionId, …]; the domain says which
 * service answers it. Keys of other domains (topic-decoders: the app database) are not
 * about reachability. connectionHealth.test.ts checks this against every key factory. */
const KAFKA_DOMAINS: ReadonlySet<string> = new Set(["cluster", "topics", "topic", "groups", "group", "messages"]);
const REGISTRY_DOMAINS: ReadonlySet<string> = new Set(["registry", "subject", "subject-version"]);

export interface QueryTarget {
  readonly connectionId: string;
  readonly part: ServicePart;
}

export function queryTarget(queryKey: QueryKey): QueryTarget | null {
  const [domain, connectionId] = queryKey;
  if (typeof domain !== "string" || typeof connectionId !== "string") return null;
  const part: ServicePart | null = KAFKA_DOMAINS.has(domain)
    ? "kafka"
    : REGISTRY_DOMAINS.has(domain)
      ? "registry"
      : domain.startsWith("flink-")
        ? "flink"
        : null;
  return part === null ? null : { connectionId, part };
}

// ---- Transitions (pure) ----

/** A query failed to reach the service. A wait already under way keeps its schedule. */
export function afterFailure(current: PartHealth | undefined, error: AppError, now: number, random: () => number): PartHealth {
  switch (current?.state) {
    case undefined:
    case "ok":
      return {
        state: "reconnecting",
        attempt: 1,
        nextRetryAt: now + backoffDelay(1, random),
        lastError: error,
        probing: false,
        confirmed: false,
      };
    case "reconnecting":
    case "offline":
      return { ...current, lastError: error };
  }
}

export function afterProbeStarted(current: PartHealth | undefined): PartHealth | undefined {
  return current?.state === "reconnecting" && !current.probing ? { ...current, probing: true } : current;
}

/** The running probe could not reach the service either: wait longer, or give up. */
export function afterProbeFailure(current: PartHealth | undefined, error: AppError, now: number, random: () => number): PartHealth | undefined {
  if (current?.state !== "reconnecting" || !current.probing) return current;
  if (current.attempt >= MAX_ATTEMPTS) return { state: "offline", attempts: current.attempt, lastError: error };
  const attempt = current.attempt + 1;
  return {
    state: "reconnecting",
    attempt,
    nextRetryAt: now + backoffDelay(attempt, random),
    lastError: error,
    probing: false,
    confirmed: true,
  };
}

/** The service answered (a probe, or any query of it). */
export function afterSuccess(current: PartHealth | undefined, now: number): PartHealth | undefined {
  if (current === undefined || current.state === "ok") return current;
  return { state: "ok", recoveredAt: isConfirmedLoss(current) ? now : null };
}

/** "Retry now": probe at once; after giving up, start the schedule over. */
export function afterRetryNow(current: PartHealth | undefined, now: number): PartHealth | undefined {
  switch (current?.state) {
    case "reconnecting":
      return current.probing ? current : { ...current, nextRetryAt: now };
    case "offline":
      return { state: "reconnecting", attempt: 1, nextRetryAt: now, lastError: current.lastError, probing: false, confirmed: true };
    case undefined:
    case "ok":
      return current;
  }
}

/** Before a probe has also failed, a failure may be the query's own (a broker that cannot
 * describe groups says `unavailable` too): the views say "checking", not "lost". */
export function isConfirmedLoss(health: PartHealth | undefined): boolean {
  return health?.state === "offline" || (health?.state === "reconnecting" && health.confirmed);
}

export function partState(health: PartHealth | undefined): HealthState {
  return health?.state ?? "ok";
}

/** One state for the whole connection: its worst service. */
export function connectionState(health: ConnectionHealth | undefined): HealthState {
  const states = SERVICE_PARTS.map((part) => partState(health?.[part]));
  if (states.includes("offline")) return "offline";
  return states.includes("reconnecting") ? "reconnecting" : "ok";
}

// ---- The store ----

export interface Clock {
  now: () => number;
  random: () => number;
}

const SYSTEM_CLOCK: Clock = { now: () => Date.now(), random: () => Math.random() };

type RecoveryListener = (target: QueryTarget, causeQueryHash: string | null) => void;

/** The app-wide health of every connection. An external store (like ErrorReporter) so the
 * query cache, which lives outside React, can report into it. */
export class ConnectionHealthStore {
  private health: ReadonlyMap<string, ConnectionHealth> = new Map();
  /** Queries whose last fetch failed to reach their service, by query hash. */
  private readonly failing = new Map<string, QueryTarget>();
  /** Failing queries a successful probe contradicted, and when. */
  private readonly disproved = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly recoveryListeners = new Set<RecoveryListener>();
  private readonly clock: Clock;

  constructor(clock: Clock = SYSTEM_CLOCK) {
    this.clock = clock;
  }

  /** A query failed. True when the failure is now this store's to show (the connection
   * banner), so the error banner need not show it as well. */
  readonly queryFailed = (queryKey: QueryKey, queryHash: string, error: AppError): boolean => {
    const target = queryTarget(queryKey);
    if (target === null || !isConnectionLoss(error)) return false;
    this.failing.set(queryHash, target);
    const disprovedAt = this.disproved.get(queryHash);
    if (disprovedAt !== undefined && this.clock.now() - disprovedAt < DISPROVED_FOR_MS) return false;
    this.disproved.delete(queryHash);
    this.update(target, (current) => afterFailure(current, error, this.clock.now(), this.clock.random));
    return true;
  };

  readonly querySucceeded = (queryKey: QueryKey, queryHash: string): void => {
    const target = queryTarget(queryKey);
    if (target === null) return;
    this.failing.delete(queryHash);
    this.disproved.delete(queryHash);
    this.recover(target, queryHash);
  };

  readonly probeStarted = (target: QueryTarget): void => {
    this.update(target, afterProbeStarted);
  };

  readonly probeSucceeded = (target: QueryTarget): void => {
    this.recover(target, null);
  };

  readonly probeFailed = (target: QueryTarget, error: AppError): void => {
    this.update(target, (current) => afterProbeFailure(current, error, this.clock.now(), this.clock.random));
  };

  /** Every service of the connection that is waiting (or gave up) is probed at once. */
  readonly retryNow = (connectionId: string): void => {
    for (const part of SERVICE_PARTS) {
      this.update({ connectionId, part }, (current) => afterRetryNow(current, this.clock.now()));
    }
  };

  /** Called when a service answers again; `causeQueryHash` is the query whose answer said so
   * (it needs no refetch), null for a probe. Returns the unsubscribe function. */
  readonly onRecovered = (listener: RecoveryListener): (() => void) => {
    this.recoveryListeners.add(listener);
    return () => {
      this.recoveryListeners.delete(listener);
    };
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): ReadonlyMap<string, ConnectionHealth> => this.health;

  private recover(target: QueryTarget, causeQueryHash: string | null): void {
    const before = this.health.get(target.connectionId)?.[target.part];
    if (before === undefined || before.state === "ok") return;
    // The queries still failing were refuted by this answer: if their refetch fails again,
    // that is about them (an unsupported request), not about the connection.
    const now = this.clock.now();
    for (const [hash, failed] of this.failing) {
      if (failed.connectionId === target.connectionId && failed.part === target.part) this.disproved.set(hash, now);
    }
    this.update(target, (current) => afterSuccess(current, now));
    for (const listener of this.recoveryListeners) listener(target, causeQueryHash);
  }

  private update(target: QueryTarget, next: (current: PartHealth | undefined) => PartHealth | undefined): void {
    const connection = this.health.get(target.connectionId) ?? {};
    const current = connection[target.part];
    const updated = next(current);
    if (updated === current || updated === undefined) return;
    const health = new Map(this.health);
    health.set(target.connectionId, { ...connection, [target.part]: updated });
    this.health = health;
    for (const listener of this.listeners) listener();
  }
}
