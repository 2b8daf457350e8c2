// The status line's parts in the Messages tab: a running scan's progress (with Cancel), the
// last scan's numbers, the live tail's count and what it dropped, and the banner saying
// schemas came from the cache because the Schema Registry could not be asked.
import type { MessagePage } from "../../bindings/MessagePage";
import type { ScanProgress } from "../../bindings/ScanProgress";
import { formatCount, pluralize } from "../../components/format";
import type { TailView } from "./tailBuffer";

export function ScanProgressBar({ progress, onCancel }: { progress: ScanProgress | null; onCancel: () => void }) {
  const total = progress?.total ?? 0;
  const fraction = total > 0 && progress !== null ? Math.min(1, progress.scanned / total) : null;
  return (
    <div className="scan-progress" data-testid="scan-progress">
      <div
        className="scan-progress__bar"
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={progress?.scanned}
      >
        <div
          className={`scan-progress__fill${fraction === null ? " scan-progress__fill--unknown" : ""}`}
          style={{ width: fraction === null ? undefined : `${String(Math.round(fraction * 100))}%` }}
        />
      </div>
      <span className="scan-progress__text" data-testid="scan-progress-text">
        {progress === null
          ? "Starting the scan…"
          : `scanned ${formatCount(progress.scanned)} of ${formatCount(progress.total)} · matched ${formatCount(progress.matched)}`}
      </span>
      <button type="button" className="button" data-testid="scan-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function ScanStats({ page }: { page: MessagePage }) {
  return (
    <span className="scan-stats" data-testid="scan-stats" data-scanned={page.scanned} data-matched={page.matched}>
      scanned {formatCount(page.scanned)} · matched {formatCount(page.matched)}
    </span>
  );
}

export function TailStatus({ tail, tailing }: { tail: TailView; tailing: boolean }) {
  return (
    <div className="tail-status" data-testid="tail-status" data-tailing={tailing}>
      <span>
        {tailing ? (
          <>
            <span className="tail-status__live" aria-hidden="true" /> Live:{" "}
          </>
        ) : (
          "Live tail stopped: "
        )}
        {pluralize(tail.received, "new message")}
      </span>
      {tail.dropped > 0 && (
        <span className="tail-status__warning" data-testid="tail-dropped" data-value={tail.dropped}>
          {pluralize(tail.dropped, "message")} dropped — the view could not keep up
        </span>
      )}
      {tail.removed > 0 && (
        <span className="tail-status__warning" data-testid="tail-capped" data-value={tail.removed}>
          Showing the newest {formatCount(tail.limit)}; {pluralize(tail.removed, "older message")} left the view
        </span>
      )}
    </div>
  );
}

export function RegistryNotice({ notice }: { notice: string }) {
  return (
    <div className="messages-notice" role="status" data-testid="registry-notice">
      <span className="messages-notice__icon" aria-hidden="true">
        ⚠
      </span>
      <span>{notice}</span>
    </div>
  );
}
