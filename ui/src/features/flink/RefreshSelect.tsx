// The job view's one refresh interval (2, 5, 10 or 30 s — or another default chosen in
// Settings — or paused), shown in the toolbars of the tabs that poll: the graph with its
// drawer, and the checkpoints.
import { useId } from "react";
import { choicesWith } from "../../components/choices";
import { REFRESH_CHOICES, type RefreshMs } from "./queries";

const PAUSED = "paused";

/** "every 5 s", "every 1.5 s". */
export function everyLabel(ms: number): string {
  return `every ${String(ms / 1000)} s`;
}

export function RefreshSelect({ value, onChange }: { value: RefreshMs; onChange: (value: RefreshMs) => void }) {
  const id = useId();
  const choices = choicesWith(REFRESH_CHOICES, value);
  return (
    <span className="refresh-select">
      <label htmlFor={id} className="muted">
        Refresh
      </label>
      <select
        id={id}
        data-testid="refresh-interval"
        value={value === null ? PAUSED : String(value)}
        onChange={(event) => {
          const chosen = choices.find((ms) => String(ms) === event.target.value);
          onChange(chosen ?? null);
        }}
      >
        {choices.map((ms) => (
          <option key={ms} value={String(ms)}>
            {everyLabel(ms)}
          </option>
        ))}
        <option value={PAUSED}>paused</option>
      </select>
    </span>
  );
}
