// A job's, vertex's or checkpoint's state as Flink names it, toned like the dashboard:
// RUNNING and COMPLETED healthy, FAILED/FAILING bad, FINISHED and CANCELED quiet, anything
// on its way somewhere (RESTARTING, IN_PROGRESS, …) in motion.
const TONES: Record<string, "ok" | "danger" | "muted" | "done"> = {
  RUNNING: "ok",
  COMPLETED: "ok",
  FAILED: "danger",
  FAILING: "danger",
  FINISHED: "done",
  CANCELED: "muted",
  CANCELLED: "muted",
  CANCELLING: "muted",
  CANCELING: "muted",
};

export function stateTone(state: string): string {
  return TONES[state.toUpperCase()] ?? "warning";
}

export function JobState({ state }: { state: string }) {
  return (
    <span className={`job-state job-state--${stateTone(state)}`} data-testid="job-state" data-state={state}>
      {state}
    </span>
  );
}
