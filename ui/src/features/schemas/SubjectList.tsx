// The Schemas tab's subject list: the registry's global compatibility and mode, a search
// that filters as you type ("/" focuses it from anywhere), "N of M subjects", and the
// subjects, one button each (↑/↓ move between them). The search lives in ConnectionView.
import { useId, useMemo, useRef, type KeyboardEvent } from "react";
import type { RegistryOverview } from "../../bindings/RegistryOverview";
import { formatCount, pluralize } from "../../components/format";
import { useFocusShortcut } from "../../components/useFocusShortcut";
import { filterSubjects } from "./subjectFilter";
import { moveFocusAmong } from "../../components/keyboard";

interface SubjectListProps {
  overview: RegistryOverview | undefined;
  selected: string | null;
  onOpen: (subject: string) => void;
  search: string;
  onSearchChange: (search: string) => void;
}

function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  moveFocusAmong(event, "button");
}

export function SubjectList({ overview, selected, onOpen, search, onSearchChange }: SubjectListProps) {
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusShortcut("/", searchRef);
  const all = overview?.subjects;
  const visible = useMemo(() => filterSubjects(all ?? [], search), [all, search]);

  return (
    <div className="subject-list" data-testid="subject-list">
      {overview !== undefined && (
        <p className="subject-list__registry muted">
          Registry: <span className="mono" data-testid="registry-compatibility">{overview.compatibility}</span>
          {" · "}
          <span className="mono" data-testid="registry-mode">{overview.mode}</span>
        </p>
      )}
      <label className="visually-hidden" htmlFor={searchId}>
        Search subjects
      </label>
      <input
        id={searchId}
        ref={searchRef}
        type="search"
        className="search-input subject-list__search"
        placeholder="Search subjects    /"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        data-testid="subject-search"
        value={search}
        disabled={all === undefined}
        onChange={(event) => {
          onSearchChange(event.target.value);
        }}
      />
      {all !== undefined && (
        <span className="muted subject-list__count" data-testid="subject-count" data-value={visible.length} aria-live="polite">
          {visible.length === all.length ? pluralize(all.length, "subject") : `${formatCount(visible.length)} of ${pluralize(all.length, "subject")}`}
        </span>
      )}
      {all !== undefined &&
        (visible.length === 0 ? (
          <p className="empty-state subject-list__empty" data-testid="subjects-empty">
            {all.length === 0 ? "This registry has no subjects yet." : `No subject matches “${search.trim()}”.`}
          </p>
        ) : (
          <ul className="subject-list__items" aria-label="Subjects" onKeyDown={moveFocus}>
            {visible.map((subject) => (
              <li key={subject}>
                <button
                  type="button"
                  className={`subject-row mono${subject === selected ? " subject-row--selected" : ""}`}
                  data-testid="subject-row"
                  data-subject={subject}
                  aria-current={subject === selected ? "true" : undefined}
                  title={subject}
                  onClick={() => {
                    onOpen(subject);
                  }}
                >
                  {subject}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
