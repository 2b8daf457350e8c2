// The connection view's banner about its services' reachability: "Checking…" right after a
// request could not reach a service, "Lost … Retrying in 8 s (attempt 3 of 10)…" with
// Retry now once the probe confirmed it, "offline" after the last attempt, and
// "Reconnected" for a few seconds when it answers again. One live region (role=status)
// that exists before anything is in it, so screen readers announce what appears; the
// ticking seconds are left out of the announcements. BannerMessagesProvider tells the
// inline errors below which messages this banner already shows.
import { useEffect, useState, type ReactNode } from "react";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import { ShownAboveContext } from "../components/InlineError";
import {
  BACKOFF_CAP_MS,
  MAX_ATTEMPTS,
  SERVICE_PARTS,
  isConfirmedLoss,
  type ConnectionHealth,
  type PartHealth,
  type ServicePart,
} from "./connectionHealth";
import { useConnectionHealth, useConnectionHealthStore } from "./connectionRecovery";
import "./connectionHealth.css";

/** How long "Reconnected" stays. */
export const RECONNECTED_SHOWN_MS = 4_000;

/** "the Kafka cluster at localhost:19092", for the sentences below. */
function serviceName(part: ServicePart, profile: ConnectionProfile): string {
  switch (part) {
    case "kafka":
      return profile.kafka === null ? "the Kafka cluster" : `the Kafka cluster at ${profile.kafka.bootstrapServers}`;
    case "registry":
      return profile.schemaRegistry === null ? "the Schema Registry" : `the Schema Registry at ${profile.schemaRegistry.url}`;
    case "flink":
      return profile.flink === null ? "Flink" : `Flink at ${profile.flink.url}`;
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The time, ticking while something is lost or "Reconnected" may still show, and read
 * again right after every change (a new wait must not start from a stale clock). The first
 * render after a change can still be stale: the countdown is capped at the longest wait. */
function useBannerClock(health: ConnectionHealth | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const active = SERVICE_PARTS.some((part) => {
    const service = health?.[part];
    return service !== undefined && (service.state !== "ok" || recentlyRecovered(service, now));
  });
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      setNow(Date.now());
    };
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 500);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [active, health]);
  return now;
}

function recentlyRecovered(health: PartHealth | undefined, now: number): boolean {
  return health?.state === "ok" && health.recoveredAt !== null && now - health.recoveredAt < RECONNECTED_SHOWN_MS;
}

function ServiceLine({
  part,
  health,
  name,
  now,
  onRetryNow,
}: {
  part: ServicePart;
  health: PartHealth;
  name: string;
  now: number;
  onRetryNow: () => void;
}) {
  const retryNow = (disabled: boolean) => (
    <button
      type="button"
      className="button connection-health__retry"
      data-testid="connection-retry-now"
      disabled={disabled}
      onClick={onRetryNow}
    >
      Retry now
    </button>
  );
  const common = { "data-testid": "connection-health-line", "data-part": part, "data-state": health.state };

  if (health.state === "ok") {
    return (
      <div className="connection-health__line connection-health__line--ok" {...common}>
        <span className="health-dot health-dot--ok" aria-hidden="true" />
        <strong>Reconnected to {name}.</strong>
      </div>
    );
  }

  if (health.state === "offline") {
    return (
      <div className="connection-health__line connection-health__line--offline" {...common}>
        <span className="health-dot health-dot--offline" aria-hidden="true" />
        <div className="connection-health__text">
          <strong>{capitalized(name)} is offline.</strong>
          <span className="connection-health__cause">{health.lastError.message}</span>
          <span>
            Streamlens stopped retrying after {health.attempts} attempts. Start the service or check the
            connection’s settings, then press Retry now.
          </span>
        </div>
        {retryNow(false)}
      </div>
    );
  }

  if (!isConfirmedLoss(health)) {
    // The failure may be the request's own (the view below says which): only a probe says
    // whether the service itself is gone.
    return (
      <div className="connection-health__line connection-health__line--checking" {...common} data-attempt={health.attempt}>
        <span className="health-dot health-dot--reconnecting" aria-hidden="true" />
        <strong>Checking whether {name} can still be reached…</strong>
      </div>
    );
  }

  const seconds = Math.min(Math.ceil(Math.max(0, health.nextRetryAt - now) / 1000), BACKOFF_CAP_MS / 1000);
  const when = health.probing || seconds === 0 ? "Retrying now" : `Retrying in ${seconds} s`;
  return (
    <div className="connection-health__line connection-health__line--reconnecting" {...common} data-attempt={health.attempt}>
      <span className="health-dot health-dot--reconnecting" aria-hidden="true" />
      <div className="connection-health__text">
        <strong>Lost {name}.</strong>
        <span className="connection-health__cause">{health.lastError.message}</span>
        {/* Every second would be one announcement too many: the attempts are enough. */}
        <span data-testid="connection-health-countdown" aria-live="off">
          {when} (attempt {health.attempt} of {MAX_ATTEMPTS})…
        </span>
      </div>
      {retryNow(health.probing)}
    </div>
  );
}

export function ConnectionHealthBanner({ profile }: { profile: ConnectionProfile }) {
  const store = useConnectionHealthStore();
  const health = useConnectionHealth(profile.id);
  const now = useBannerClock(health);
  const lines = SERVICE_PARTS.flatMap((part) => {
    const service = health?.[part];
    if (service === undefined || (service.state === "ok" && !recentlyRecovered(service, now))) return [];
    return [
      <ServiceLine
        key={part}
        part={part}
        health={service}
        name={serviceName(part, profile)}
        now={now}
        onRetryNow={() => {
          store.retryNow(profile.id);
        }}
      />,
    ];
  });
  return (
    <div
      className={`connection-health${lines.length === 0 ? " connection-health--empty" : ""}`}
      role="status"
      aria-live="polite"
      data-testid="connection-health"
    >
      {lines}
    </div>
  );
}

/** Wraps the views under the banner: their inline errors show a short note instead of a
 * message the banner already shows. */
export function BannerMessagesProvider({ profile, children }: { profile: ConnectionProfile; children: ReactNode }) {
  const health = useConnectionHealth(profile.id);
  const shown = new Map<string, string>();
  for (const part of SERVICE_PARTS) {
    const service = health?.[part];
    if (service === undefined || service.state === "ok" || !isConfirmedLoss(service)) continue;
    shown.set(
      service.lastError.message,
      `${capitalized(serviceName(part, profile))} cannot be reached (see above); this view refreshes when it answers again.`,
    );
  }
  return <ShownAboveContext value={shown}>{children}</ShownAboveContext>;
}
