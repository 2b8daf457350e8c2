// Replays the recording's captured input records into a topic (developer, admin): a
// connection — prod ones are not offered, and the backend refuses them anyway — a topic, and
// the pace: as recorded, 10× faster, or as fast as possible. Records are produced as they
// were captured, masked values and all; withheld and binary ones are skipped and counted.
// A progress bar follows the backend's progress (after every page of records); cancel
// stops it (closing the dialog too); the result says how many were produced.
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import type { ReplayProgress } from "../../../bindings/ReplayProgress";
import { Dialog } from "../../../components/Dialog";
import { SelectField, TextField } from "../../../components/fields";
import { formatCount } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { cancelScan, replayRecording } from "../../../platform";
import { useConnections } from "../../connections/queries";
import { newScanId } from "../../messages/scanId";

type Pace = "1" | "10" | "max";

const PACES: readonly Pace[] = ["1", "10", "max"];
const PACE_LABELS: Record<Pace, string> = { "1": "As recorded (1×)", "10": "10× faster", max: "As fast as possible" };
const PACE_SPEEDS: Record<Pace, number | null> = { "1": 1, "10": 10, max: null };

interface ReplayRun {
  connectionId: string;
  topic: string;
  pace: Pace;
  replayId: string;
}

export function ReplayDialog({ path, summary, onClose }: { path: string; summary: RecordingSummary; onClose: () => void }) {
  const formId = useId();
  const connections = useConnections();
  const targets = (connections.data ?? []).filter((c) => c.kafka !== null && c.environment !== "prod");
  const input = summary.manifest.topics.find((t) => t.direction === "input")?.topic;
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [topic, setTopic] = useState(input === undefined ? "" : `${input}.replay`);
  const [pace, setPace] = useState<Pace>("max");
  const chosen = connectionId ?? targets[0]?.id ?? "";
  const [progress, setProgress] = useState<ReplayProgress | null>(null);
  const replay = useMutation({
    mutationFn: (run: ReplayRun) =>
      replayRecording(path, run.connectionId, run.topic, PACE_SPEEDS[run.pace], run.replayId, setProgress),
  });
  const runningId = replay.isPending ? replay.variables.replayId : null;
  const running = useRef<string | null>(null);
  useEffect(() => {
    running.current = runningId;
  }, [runningId]);

  // Closing the dialog, or leaving the view, stops a replay still running.
  useEffect(
    () => () => {
      if (running.current !== null) void cancelScan(running.current);
    },
    [],
  );

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen === "" || topic.trim() === "" || replay.isPending) return;
    setProgress(null);
    replay.mutate({ connectionId: chosen, topic: topic.trim(), pace, replayId: newScanId("replay") });
  };

  const names = Object.fromEntries(targets.map((c) => [c.id, `${c.name} (${c.environment})`]));
  return (
    <Dialog
      title="Replay the captured input records"
      onClose={onClose}
      testId="replay-dialog"
      actions={
        <>
          {replay.isPending ? (
            <button
              type="button"
              className="button button--danger-outline"
              data-testid="replay-cancel"
              onClick={() => {
                if (runningId !== null) void cancelScan(runningId);
              }}
            >
              Stop replaying
            </button>
          ) : (
            <button type="button" className="button" data-testid="replay-close" onClick={onClose}>
              {replay.data === undefined ? "Cancel" : "Close"}
            </button>
          )}
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="replay-submit"
            disabled={chosen === "" || topic.trim() === "" || replay.isPending}
          >
            Replay
          </button>
        </>
      }
    >
      <p>
        Produces the records captured from the job's input topics again, in their recorded order and as they were captured:
        masked for the {summary.manifest.maskedForRole} role.
      </p>
      {connections.data !== undefined && targets.length === 0 ? (
        <p className="muted" data-testid="replay-no-target">
          No connection to replay into: a replay needs a connection with Kafka that is not tagged prod.
        </p>
      ) : (
        <form id={formId} className="replay-form" noValidate onSubmit={submit}>
          <SelectField
            label="Into connection"
            testId="replay-connection"
            value={chosen}
            options={targets.map((c) => c.id)}
            optionLabels={names}
            hint="Prod connections are not offered."
            disabled={replay.isPending}
            onChange={setConnectionId}
          />
          <TextField label="Topic" testId="replay-topic" value={topic} onChange={setTopic} disabled={replay.isPending} />
          <SelectField
            label="Pace"
            testId="replay-speed"
            value={pace}
            options={PACES}
            optionLabels={PACE_LABELS}
            disabled={replay.isPending}
            onChange={setPace}
          />
        </form>
      )}
      {replay.isPending && (progress === null ? <Spinner label="Replaying…" /> : <ReplayBar progress={progress} />)}
      {replay.error !== null && <InlineError error={replay.error} />}
      {replay.data !== undefined && (
        <p className="replay-done" role="status" data-testid="replay-done" data-produced={replay.data.produced} data-skipped={replay.data.skipped}>
          {replay.data.cancelled ? "Stopped: produced " : "Produced "}
          {formatCount(replay.data.produced)} {replay.data.cancelled && `of ${formatCount(replay.data.total)} `}records into{" "}
          {replay.variables.topic}
          {replay.data.skipped > 0 && ` (${formatCount(replay.data.skipped)} skipped: withheld by masking, or binary)`}.
        </p>
      )}
    </Dialog>
  );
}

/** Records handled so far (produced + skipped) out of the recording's input records. */
function ReplayBar({ progress }: { progress: ReplayProgress }) {
  const done = progress.produced + progress.skipped;
  return (
    <div className="replay-progress" role="status" data-testid="replay-progress">
      <progress max={Math.max(progress.total, 1)} value={done} aria-label="Replay progress" />
      <span>
        {formatCount(progress.produced)} of {formatCount(progress.total)} produced
        {progress.skipped > 0 && `, ${formatCount(progress.skipped)} skipped`}
      </span>
    </div>
  );
}
