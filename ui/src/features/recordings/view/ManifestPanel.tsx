// Everything the recording's manifest says, as facts: where and by whom it was recorded, the
// job, the sampling interval, the topics captured and the role their records were masked
// for (with the policy's hash), the format and app version, and how much the file holds.
import type { ReactNode } from "react";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import { formatBytes, formatCount, formatLocalTime } from "../../../components/format";
import { formatDuration } from "../../flink/format";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="manifest-fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function ManifestPanel({ summary }: { summary: RecordingSummary }) {
  const { manifest, counts } = summary;
  return (
    <dl className="manifest-panel" data-testid="manifest-panel">
      <Fact label="Job" testId="manifest-job">
        {manifest.jobName || manifest.jobId} <span className="muted mono">{manifest.jobId}</span>
      </Fact>
      <Fact label="Recorded by">{manifest.recordedBy}</Fact>
      <Fact label="Recorded at">{manifest.recordedAt}</Fact>
      <Fact label="Connection">{manifest.connection}</Fact>
      <Fact label="Flink">
        <span className="mono">{manifest.flinkUrl}</span> <span className="muted">Flink {manifest.flinkVersion}</span>
      </Fact>
      <Fact label="Recorded from">{formatLocalTime(manifest.start)}</Fact>
      <Fact label="Recorded until">{manifest.end === null ? <span className="muted">not sealed</span> : formatLocalTime(manifest.end)}</Fact>
      <Fact label="Sampling interval">{formatDuration(manifest.intervalMs)}</Fact>
      <Fact label="Records masked for" testId="manifest-masked-for">
        the {manifest.maskedForRole} role
      </Fact>
      <Fact label="Policy hash">
        <span className="mono manifest-panel__hash" title="SHA-256 of the workspace policy the records were masked under">
          {manifest.policyHash}
        </span>
      </Fact>
      <Fact label="Topics captured" testId="manifest-topics">
        {manifest.topics.length === 0
          ? "none"
          : manifest.topics.map((t) => `${t.topic} (${t.direction === "input" ? "in" : "out"})`).join(", ")}
      </Fact>
      <Fact label="Holds" testId="manifest-counts">
        {formatCount(counts.samples)} samples · {formatCount(counts.events)} events · {formatCount(counts.records)} records ·{" "}
        {formatCount(counts.snapshots)} REST answers
      </Fact>
      <Fact label="File">
        <span className="mono">{summary.path}</span> <span className="muted">{formatBytes(summary.fileBytes)}</span>
      </Fact>
      <Fact label="Format">
        version {manifest.formatVersion}, written by Streamlens {manifest.appVersion}
      </Fact>
    </dl>
  );
}
