// The job view's one refresh interval (2, 5, 10 or 30 s, or paused), shown in the toolbars
// of the tabs that poll: the graph with its drawer, and the checkpoints.
import { useId } from "react";
import { REFRESH_CHOICES, type RefreshMs } from "./queries";

const PAUSED = "paused";

export function RefreshSelect({ value, onChange }: { value: RefreshMs; onChange: (value: RefreshMs) => void }) {
  const id = useId();
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
          const chosen = REFRESH_CHOICES.find((ms) => String(ms) === event.target.value);
          onChange(chosen ?? null);
        }}
      >
        {REFRESH_CHOICES.map((ms) => (
          <option key={ms} value={String(ms)}>
            every {ms / 1000} s
          </option>
        ))}
        <option value={PAUSED}>paused</option>
      </select>
    </span>
  );
}
