// A recording's header: the job it recorded and where from, how long the recording runs and
// what it holds, and what can be done with it — export it (every role) and replay its input
// records into a topic (developer, admin).
import { useState } from "react";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import { formatBytes, formatCount, formatLocalTime } from "../../../components/format";
import { formatDuration } from "../../flink/format";
import { ExportDialog } from "../export/ExportDialog";
import { useCanReplayRecordings } from "../permissions";
import { ReplayDialog } from "../replay/ReplayDialog";

type Open = "export" | "replay" | null;

export function RecordingHeader({ path, summary, titleId }: { path: string; summary: RecordingSummary; titleId: string }) {
  const { manifest, counts } = summary;
  const canReplay = useCanReplayRecordings();
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    setOpen(null);
  };
  return (
    <header className="view-header recording-header">
      <div className="recording-header__identity">
        <div className="view-header__title">
          <h2 id={titleId} data-testid="recording-title">
            {manifest.jobName || manifest.jobId}
          </h2>
          <span className="tag tag--muted">recording</span>
        </div>
        <p className="muted recording-header__facts">
          <span>
            {manifest.connection} · Flink {manifest.flinkVersion}
          </span>
          <span>
            recorded {formatLocalTime(manifest.start, "seconds")} for {formatDuration((manifest.end ?? summary.end) - manifest.start)} by{" "}
            {manifest.recordedBy}
          </span>
          <span data-testid="recording-counts" data-samples={counts.samples} data-events={counts.events} data-records={counts.records}>
            {formatCount(counts.samples)} samples · {formatCount(counts.events)} events · {formatCount(counts.records)} records ·{" "}
            {formatBytes(summary.fileBytes)}
          </span>
        </p>
      </div>
      <div className="view-header__actions">
        <button
          type="button"
          className="button"
          data-testid="recording-export"
          onClick={() => {
            setOpen("export");
          }}
        >
          Export…
        </button>
        {canReplay && (
          <button
            type="button"
            className="button"
            data-testid="recording-replay"
            disabled={counts.records === 0}
            title={counts.records === 0 ? "The recording captured no records" : undefined}
            onClick={() => {
              setOpen("replay");
            }}
          >
            Replay…
          </button>
        )}
      </div>
      {open === "export" && <ExportDialog path={path} summary={summary} onClose={close} />}
      {open === "replay" && <ReplayDialog path={path} summary={summary} onClose={close} />}
    </header>
  );
}
