// The outcome of "Test connection": one row per part that was probed, each with an
// ok/failed mark, the backend's summary, the failure explained, and how long it took.
// Used by the detail view (saved profile) and the editor (unsaved draft).
import type { PartProbe } from "../../bindings/PartProbe";
import type { ProbeReport } from "../../bindings/ProbeReport";
import { FAILURE_KIND_LABELS } from "./labels";
import "./connections.css";

const PARTS = [
  { key: "kafka", label: "Kafka", testId: "probe-kafka" },
  { key: "schemaRegistry", label: "Schema Registry", testId: "probe-registry" },
  { key: "flink", label: "Flink", testId: "probe-flink" },
] as const;

function ProbeRow({ label, testId, probe }: { label: string; testId: string; probe: PartProbe }) {
  return (
    <li
      className={`probe-row probe-row--${probe.ok ? "ok" : "failed"}`}
      data-testid={testId}
      data-ok={probe.ok ? "true" : "false"}
    >
      <span className="probe-row__mark" aria-hidden="true">
        {probe.ok ? "✓" : "✕"}
      </span>
      <div className="probe-row__body">
        <div className="probe-row__headline">
          <strong>{label}</strong>
          <span className="probe-row__status">{probe.ok ? "OK" : "Failed"}</span>
          <span className="probe-row__elapsed">{Math.round(probe.elapsedMs)} ms</span>
        </div>
        {probe.summary !== "" && <p className="probe-row__summary">{probe.summary}</p>}
        {probe.failure !== null && (
          <p className="probe-row__failure">
            <span className="probe-row__failure-kind">{FAILURE_KIND_LABELS[probe.failure.kind]}:</span>{" "}
            {probe.failure.message}
          </p>
        )}
      </div>
    </li>
  );
}

export function ProbeResults({ report }: { report: ProbeReport }) {
  const rows = PARTS.flatMap((part) => {
    const probe = report[part.key];
    return probe === null ? [] : [{ ...part, probe }];
  });
  const failed = rows.filter((row) => !row.probe.ok).length;
  return (
    <section className="probe-results" aria-label="Connection test results">
      <p className="probe-results__verdict" role="status">
        {rows.length === 0
          ? "Nothing was tested: no part of this connection is configured."
          : failed === 0
            ? "All configured parts answered."
            : `${failed} of ${rows.length} parts failed.`}
      </p>
      <ul className="probe-results__list">
        {rows.map((row) => (
          <ProbeRow key={row.key} label={row.label} testId={row.testId} probe={row.probe} />
        ))}
      </ul>
    </section>
  );
}
