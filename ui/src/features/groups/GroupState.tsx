// A group's state as the broker says it (Stable, Empty, PreparingRebalance, Dead, …),
// toned: Stable is healthy, Empty/Dead are quiet, anything else is in motion.
export function GroupState({ state }: { state: string }) {
  if (state === "" || state === "Unknown") return <span className="muted">unknown</span>;
  const tone = state === "Stable" ? "ok" : state === "Empty" || state === "Dead" ? "muted" : "warning";
  return (
    <span className={`group-state group-state--${tone}`} data-testid="group-state">
      {state}
    </span>
  );
}
