// Optional topic configs for a new topic, as name/value rows that can be added and
// removed. Anything not listed takes the broker's default.
import { useId } from "react";
import type { ConfigRow } from "./newTopicForm";

interface ConfigOverridesFieldProps {
  rows: readonly ConfigRow[];
  errors: readonly (string | null)[];
  onChange: (rows: ConfigRow[]) => void;
}

export function ConfigOverridesField({ rows, errors, onChange }: ConfigOverridesFieldProps) {
  const idBase = useId();
  const setRow = (key: number, patch: Partial<Pick<ConfigRow, "name" | "value">>) => {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const addRow = () => {
    const key = rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;
    onChange([...rows, { key, name: "", value: "" }]);
  };

  return (
    <fieldset className="config-overrides">
      <legend>Configs</legend>
      {rows.length === 0 && <p className="field__hint">None: the broker’s defaults apply.</p>}
      {rows.map((row, index) => {
        const error = errors[index] ?? null;
        const errorId = `${idBase}-${String(row.key)}-error`;
        const position = String(index + 1);
        return (
          <div key={row.key} className="config-overrides__row" data-testid="new-topic-config">
            <input
              type="text"
              className="mono"
              placeholder="retention.ms"
              aria-label={`Config ${position} name`}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-topic-config-name"
              value={row.name}
              onChange={(event) => {
                setRow(row.key, { name: event.target.value });
              }}
            />
            <input
              type="text"
              className="mono"
              placeholder="604800000"
              aria-label={`Config ${position} value`}
              aria-invalid={error !== null}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-topic-config-value"
              value={row.value}
              onChange={(event) => {
                setRow(row.key, { value: event.target.value });
              }}
            />
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Remove config ${position}`}
              data-testid="remove-config"
              onClick={() => {
                onChange(rows.filter((other) => other.key !== row.key));
              }}
            >
              ×
            </button>
            {error !== null && (
              <p className="field__error config-overrides__error" id={errorId}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="button config-overrides__add" data-testid="add-config" onClick={addRow}>
        + Add config
      </button>
    </fieldset>
  );
}
