// A connection's reachability as a dot (the sidebar's connection list): a ring while nothing
// is known to be wrong, amber while reconnecting, red once offline. The state is also said
// in words for screen readers, except "ok".
import type { HealthState } from "./connectionHealth";
import "./connectionHealth.css";

export function HealthDot({ state }: { state: HealthState }) {
  return (
    <>
      <span
        className={`health-dot health-dot--${state}`}
        data-testid="connection-health-dot"
        data-health={state}
        title={state === "ok" ? undefined : state === "reconnecting" ? "Reconnecting" : "Offline"}
        aria-hidden="true"
      />
      {state !== "ok" && <span className="visually-hidden">({state})</span>}
    </>
  );
}
