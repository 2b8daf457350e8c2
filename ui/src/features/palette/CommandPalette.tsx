// The command palette (Ctrl+K, ⌘K on macOS): one field that finds any view, any topic,
// consumer group, schema subject or Flink job of the selected connection, and any recent
// recording, and goes there (or, for the topic or job on screen, opens it in a new window).
// A WAI-ARIA combobox over a grouped listbox: the focus stays in the field, ↑/↓ move the
// active option (aria-activedescendant), Enter opens it, Escape closes and puts the focus
// back where it was. Each kind shows its best SHOWN_PER_KIND matches and says how many more
// there are, so a cluster's thousands of topics stay fast.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useNavigation } from "../../app/navigation";
import { useOpenInNewWindow } from "../../app/windowOpener";
import { formatCount, pluralize } from "../../components/format";
import { useModalFocus } from "../../components/useModalFocus";
import { rankMatches } from "./paletteMatch";
import { KIND_LABELS, type PaletteEntry } from "./paletteEntries";
import { usePaletteSources, type PaletteSource } from "./usePaletteSources";
import "./palette.css";

/** Results shown per kind; the rest are counted ("1,184 more"). */
export const SHOWN_PER_KIND = 50;

interface Section {
  source: PaletteSource;
  shown: PaletteEntry[];
  total: number;
  /** Index of the section's first option among all options. */
  offset: number;
}

const textOf = (entry: PaletteEntry) => entry.text;

function rankSections(sources: readonly PaletteSource[], query: string): Section[] {
  const sections: Section[] = [];
  let offset = 0;
  for (const source of sources) {
    const { shown, total } = rankMatches(source.entries, textOf, query, SHOWN_PER_KIND);
    if (shown.length === 0) continue;
    sections.push({ source, shown, total, offset });
    offset += shown.length;
  }
  return sections;
}

/** Lines under the results about lists still loading or unreadable. */
function statusNotes(sources: readonly PaletteSource[], hasConnection: boolean): string[] {
  const notes = sources.flatMap(({ kind, status }) => {
    if (status === "loading") return [`${KIND_LABELS[kind]}: loading…`];
    if (status === "failed") return [`${KIND_LABELS[kind]}: could not be read (its tab says why).`];
    return [];
  });
  if (!hasConnection) notes.push("Open a connection to find its topics, consumer groups, schema subjects and Flink jobs here.");
  return notes;
}

/** "Topics in Local, 1,150 more not shown": the group's heading, as one phrase. */
function groupName({ kind, scope }: PaletteSource, more: number): string {
  const where = scope === null ? "" : ` in ${scope}`;
  return `${KIND_LABELS[kind]}${where}${more > 0 ? `, ${formatCount(more)} more not shown` : ""}`;
}

function optionId(idBase: string, index: number): string {
  return `${idBase}-option-${String(index)}`;
}

/** Scrolls `list` just enough to show `option` (jsdom has no scrollIntoView). */
function keepInView(list: HTMLElement, option: HTMLElement): void {
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { view, navigate } = useNavigation();
  const openInNewWindow = useOpenInNewWindow();
  const { sources, hasConnection } = usePaletteSources(view);
  const [query, setQuery] = useState("");
  // By key, not index, so the active option stays put while lists finish loading.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const idBase = useId();
  const listId = `${idBase}-results`;
  const panelRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const onPanelKeyDown = useModalFocus(panelRef, onClose);

  const sections = useMemo(() => rankSections(sources, query), [sources, query]);
  const options = useMemo(() => sections.flatMap((section) => section.shown), [sections]);
  const matches = sections.reduce((sum, section) => sum + section.total, 0);
  const activeIndex = Math.max(0, options.findIndex((entry) => entry.key === activeKey));
  const active = options[activeIndex];
  const notes = statusNotes(sources, hasConnection);

  useEffect(() => {
    const list = listRef.current;
    const option = document.getElementById(optionId(idBase, activeIndex));
    if (list !== null && option !== null) keepInView(list, option);
  }, [idBase, activeIndex, options]);

  const open = (entry: PaletteEntry) => {
    if (entry.newWindow !== undefined && openInNewWindow !== null) openInNewWindow(entry.view, entry.newWindow);
    else navigate(entry.view);
    onClose();
  };

  const move = (delta: number) => {
    const next = options[(activeIndex + delta + options.length) % Math.max(options.length, 1)];
    if (next !== undefined) setActiveKey(next.key);
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
        move(1);
        break;
      case "ArrowUp":
        move(-1);
        break;
      case "Enter":
        if (active !== undefined) open(active);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      className="palette-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panelRef}
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        tabIndex={-1}
        data-testid="command-palette"
        onKeyDown={onPanelKeyDown}
      >
        <input
          className="palette__input"
          type="text"
          role="combobox"
          aria-label="Go to"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active === undefined ? undefined : optionId(idBase, activeIndex)}
          placeholder="Go to a topic, group, subject, job, recording or view…"
          autoComplete="off"
          spellCheck={false}
          data-testid="palette-input"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveKey(null);
          }}
          onKeyDown={onInputKeyDown}
        />
        <div ref={listRef} id={listId} className="palette__results" role="listbox" aria-label="Results">
          {sections.map(({ source, shown, total, offset }) => {
            const more = total - shown.length;
            return (
              <div
                key={source.kind}
                className="palette__group"
                role="group"
                aria-label={groupName(source, more)}
                data-testid="palette-group"
                data-kind={source.kind}
              >
                <div className="palette__group-label" aria-hidden="true">
                  <span>
                    {KIND_LABELS[source.kind]}
                    {source.scope !== null && <span className="palette__scope"> · {source.scope}</span>}
                  </span>
                  {more > 0 && (
                    <span className="palette__more" data-testid="palette-more" data-count={more}>
                      {formatCount(more)} more — type to narrow
                    </span>
                  )}
                </div>
                {shown.map((entry, i) => {
                  const index = offset + i;
                  const selected = index === activeIndex;
                  return (
                    <div
                      key={entry.key}
                      id={optionId(idBase, index)}
                      className={`palette__option${selected ? " palette__option--active" : ""}`}
                      role="option"
                      aria-selected={selected}
                      data-testid="palette-option"
                      data-kind={entry.kind}
                      data-key={entry.key}
                      // Keeps the focus in the field.
                      onMouseDown={(event) => {
                        event.preventDefault();
                      }}
                      onMouseMove={() => {
                        if (!selected) setActiveKey(entry.key);
                      }}
                      onClick={() => {
                        open(entry);
                      }}
                    >
                      <span className={`palette__label${entry.kind === "view" ? "" : " mono"}`}>{entry.label}</span>
                      {entry.detail !== null && <span className="palette__detail">{entry.detail}</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {options.length === 0 && (
          <p className="palette__empty" data-testid="palette-empty">
            Nothing matches “{query.trim()}”.
          </p>
        )}
        {notes.length > 0 && (
          <ul className="palette__notes" data-testid="palette-notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <footer className="palette__footer">
          <span role="status" data-testid="palette-count">
            {pluralize(matches, "match", "matches")}
          </span>
          <span className="palette__keys" aria-hidden="true">
            <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
          </span>
        </footer>
      </div>
    </div>
  );
}
