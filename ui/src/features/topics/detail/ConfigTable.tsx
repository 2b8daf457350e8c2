// A topic's configs: the ones set on the topic first, then the broker defaults (tagged).
// Sensitive values never reach the UI in clear (the broker does not return them); they
// show as dots. When the broker returned no entries at all, the backend's note says why.
import type { ConfigEntry } from "../../../bindings/ConfigEntry";
import { pluralize } from "../../../components/format";

const MASKED = "••••";

function byOverrideThenName(a: ConfigEntry, b: ConfigEntry): number {
  return Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name);
}

function ConfigValue({ entry }: { entry: ConfigEntry }) {
  if (entry.isSensitive) {
    return (
      <span className="config-value config-value--masked" title="Sensitive: not shown">
        {MASKED}
      </span>
    );
  }
  if (entry.value === null) return <span className="muted">(no value)</span>;
  return <span className="config-value mono">{entry.value}</span>;
}

export function ConfigTable({ configs, note }: { configs: readonly ConfigEntry[]; note: string | null }) {
  if (configs.length === 0) {
    return (
      <p className="muted config-note" data-testid="config-note">
        {note ?? "The broker returned no configuration entries for this topic."}
      </p>
    );
  }
  const sorted = [...configs].sort(byOverrideThenName);
  const overrides = configs.filter((entry) => !entry.isDefault).length;
  return (
    <>
      {note !== null && (
        <p className="muted config-note" data-testid="config-note">
          {note}
        </p>
      )}
      <p className="muted section-summary">
        {pluralize(overrides, "setting")} on this topic, {pluralize(configs.length - overrides, "default")}.
      </p>
      <table className="data-table config-table" data-testid="config-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((entry) => (
            <tr
              key={entry.name}
              data-testid="config-row"
              data-config-name={entry.name}
              data-default={entry.isDefault}
            >
              <td className="mono">{entry.name}</td>
              <td>
                <ConfigValue entry={entry} />
                {entry.isDefault && <span className="tag tag--muted">default</span>}
                {entry.isReadOnly && <span className="tag tag--muted">read-only</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
