// A job's or vertex's tasks by state as small coloured chips ("2 running", "1 failed"), in
// the order a task goes through them; states with no task are left out.
import { formatCount } from "../../components/format";
import { stateTone } from "./JobState";

const ORDER = ["created", "scheduled", "deploying", "initializing", "running", "finished", "canceling", "canceled", "failed", "reconciling"];

function rank(state: string): number {
  const at = ORDER.indexOf(state);
  return at < 0 ? ORDER.length : at;
}

export function TaskChips({ tasks, total }: { tasks: Partial<Record<string, number>>; total?: number }) {
  const shown = Object.entries(tasks)
    .flatMap(([state, count]) => (count === undefined || count === 0 ? [] : [{ state, count }]))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
  return (
    <span className="task-chips" data-testid="task-chips" title={total === undefined ? undefined : `${formatCount(total)} tasks`}>
      {shown.length === 0 ? (
        <span className="muted">no tasks</span>
      ) : (
        shown.map(({ state, count }) => (
          <span key={state} className={`task-chip task-chip--${stateTone(state)}`} data-testid="task-chip" data-state={state} data-count={count}>
            {formatCount(count)} {state}
          </span>
        ))
      )}
    </span>
  );
}
