// The sidebar's list of saved connections, each with its reachability dot. Keyboard: one
// tab stop for the whole list (roving tabindex); arrow keys, Home and End move between
// items; Enter or Space opens.
import { useRef, type KeyboardEvent } from "react";
import { connectionState } from "../../app/connectionHealth";
import { useAllConnectionHealth } from "../../app/connectionRecovery";
import { HealthDot } from "../../app/HealthDot";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import { EnvironmentBadge } from "./EnvironmentBadge";

interface ConnectionListProps {
  connections: readonly ConnectionProfile[];
  selectedId: string | null;
  labelledBy: string;
  onSelect: (id: string) => void;
}

export function ConnectionList({ connections, selectedId, labelledBy, onSelect }: ConnectionListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const health = useAllConnectionHealth();
  const sorted = [...connections].sort((a, b) => a.name.localeCompare(b.name));

  if (sorted.length === 0) {
    return <p className="sidebar__hint">No connections yet.</p>;
  }

  const selectedIndex = sorted.findIndex((c) => c.id === selectedId);
  const tabStop = selectedIndex === -1 ? 0 : selectedIndex;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(
      listRef.current?.querySelectorAll<HTMLButtonElement>("[data-testid='connection-item']") ?? [],
    );
    const current = buttons.findIndex((b) => b === document.activeElement);
    let next: number;
    switch (event.key) {
      case "ArrowDown":
        next = current === -1 ? 0 : Math.min(current + 1, buttons.length - 1);
        break;
      case "ArrowUp":
        next = current === -1 ? 0 : Math.max(current - 1, 0);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = buttons.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <ul className="connection-list" aria-labelledby={labelledBy} ref={listRef} onKeyDown={onKeyDown}>
      {sorted.map((connection, index) => {
        const selected = connection.id === selectedId;
        return (
          <li key={connection.id}>
            <button
              type="button"
              className={`connection-item${selected ? " connection-item--selected" : ""}`}
              data-testid="connection-item"
              data-connection-name={connection.name}
              aria-current={selected ? "page" : undefined}
              tabIndex={index === tabStop ? 0 : -1}
              onClick={() => {
                onSelect(connection.id);
              }}
            >
              <span className="connection-item__label">
                <HealthDot state={connectionState(health.get(connection.id))} />
                <span className="connection-item__name">{connection.name}</span>
              </span>
              <EnvironmentBadge environment={connection.environment} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
