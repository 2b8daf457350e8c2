// The tab strip of a selected connection (Cluster, Topics, Settings). WAI-ARIA tabs:
// one tab stop, arrow keys / Home / End move between tabs and select them.
import type { KeyboardEvent } from "react";
import type { ConnectionTab } from "./navigation";

export const CONNECTION_TABS: readonly { tab: ConnectionTab; label: string }[] = [
  { tab: "cluster", label: "Cluster" },
  { tab: "topics", label: "Topics" },
  { tab: "settings", label: "Settings" },
];

export function tabId(base: string, tab: ConnectionTab): string {
  return `${base}-tab-${tab}`;
}

interface ConnectionTabsProps {
  /** useId() of the view; tab and panel ids derive from it. */
  idBase: string;
  panelId: string;
  active: ConnectionTab;
  onSelect: (tab: ConnectionTab) => void;
}

export function ConnectionTabs({ idBase, panelId, active, onSelect }: ConnectionTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = CONNECTION_TABS.findIndex(({ tab }) => tab === active);
    const last = CONNECTION_TABS.length - 1;
    let next: number;
    switch (event.key) {
      case "ArrowRight":
        next = current === last ? 0 : current + 1;
        break;
      case "ArrowLeft":
        next = current === 0 ? last : current - 1;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = CONNECTION_TABS[next];
    if (target === undefined) return;
    onSelect(target.tab);
    document.getElementById(tabId(idBase, target.tab))?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Connection views" onKeyDown={onKeyDown}>
      {CONNECTION_TABS.map(({ tab, label }) => {
        const selected = tab === active;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tabId(idBase, tab)}
            className={`tabs__tab${selected ? " tabs__tab--selected" : ""}`}
            data-testid={`tab-${tab}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => {
              onSelect(tab);
            }}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
