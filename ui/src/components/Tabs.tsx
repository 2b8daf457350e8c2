// A WAI-ARIA tab strip: one tab stop, arrow keys / Home / End move between tabs and select
// them. The panel is the caller's (one element with `panelId`, labelled by the active tab).
import type { KeyboardEvent } from "react";

export interface TabDef<T extends string> {
  tab: T;
  label: string;
  testId: string;
}

export function tabId(base: string, tab: string): string {
  return `${base}-tab-${tab}`;
}

interface TabsProps<T extends string> {
  tabs: readonly TabDef<T>[];
  /** useId() of the view; tab ids derive from it. */
  idBase: string;
  /** The id of the panel each tab controls; a function when every tab has a panel of its own. */
  panelId: string | ((tab: T) => string);
  active: T;
  onSelect: (tab: T) => void;
  label: string;
  className?: string;
}

export function Tabs<T extends string>({ tabs, idBase, panelId, active, onSelect, label, className }: TabsProps<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+arrows are Back and Forward (app/useHistoryShortcuts), not a tab switch.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = tabs.findIndex(({ tab }) => tab === active);
    const last = tabs.length - 1;
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
    const target = tabs[next];
    if (target === undefined) return;
    onSelect(target.tab);
    document.getElementById(tabId(idBase, target.tab))?.focus();
  };

  return (
    <div className={`tabs${className === undefined ? "" : ` ${className}`}`} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map(({ tab, label: tabLabel, testId }) => {
        const selected = tab === active;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tabId(idBase, tab)}
            className={`tabs__tab${selected ? " tabs__tab--selected" : ""}`}
            data-testid={testId}
            aria-selected={selected}
            aria-controls={typeof panelId === "string" ? panelId : panelId(tab)}
            tabIndex={selected ? 0 : -1}
            onClick={() => {
              onSelect(tab);
            }}
          >
            {tabLabel}
          </button>
        );
      })}
    </div>
  );
}
