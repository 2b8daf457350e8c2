// One collapsible part of the editor (Kafka, Schema Registry, Flink) with its enable
// checkbox. A disabled part is sent as null; collapsing only hides the fields.
import { useId, type ReactNode } from "react";

interface PartSectionProps {
  title: string;
  description: string;
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  enableTestId: string;
  hasErrors: boolean;
  children: ReactNode;
}

export function PartSection({
  title,
  description,
  enabled,
  onEnabledChange,
  expanded,
  onExpandedChange,
  enableTestId,
  hasErrors,
  children,
}: PartSectionProps) {
  const checkboxId = useId();
  const bodyId = useId();
  const open = enabled && expanded;
  return (
    <fieldset className={`part-section${enabled ? "" : " part-section--disabled"}`}>
      <legend className="visually-hidden">{title}</legend>
      <div className="part-section__header">
        <input
          id={checkboxId}
          type="checkbox"
          checked={enabled}
          data-testid={enableTestId}
          onChange={(event) => {
            onEnabledChange(event.target.checked);
            if (event.target.checked) onExpandedChange(true);
          }}
        />
        <label htmlFor={checkboxId} className="part-section__title">
          {title}
          {hasErrors && (
            <span className="part-section__error-dot" title="This section has errors">
              {" "}
              (needs attention)
            </span>
          )}
        </label>
        <span className="part-section__description">{enabled ? description : "Not used by this connection"}</span>
        <button
          type="button"
          className="button button--ghost part-section__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          disabled={!enabled}
          onClick={() => {
            onExpandedChange(!expanded);
          }}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          <span className="visually-hidden">{open ? `Collapse ${title}` : `Expand ${title}`}</span>
        </button>
      </div>
      <div className="part-section__body" id={bodyId} hidden={!open}>
        {open && children}
      </div>
    </fieldset>
  );
}
