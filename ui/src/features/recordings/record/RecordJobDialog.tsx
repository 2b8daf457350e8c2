// "Record…" for one job (developer, admin): the file to write, the sampling interval, how long
// (or until stopped), the source and sink topics whose records to capture and the role they
// are masked for (support by default: the file is safe to hand to support and
// troubleshooters). Once started, the recording's progress after every poll, and Stop, which
// seals the file; done, what it holds and "Open recording". A recording still running when
// the dialog goes (leaving the view) is stopped and sealed, never left unattended.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useNavigation } from "../../../app/navigation";
import { ROLE_LABELS, rolesUpTo } from "../../../app/roles";
import type { RecordingProgress as Progress } from "../../../bindings/RecordingProgress";
import type { RecordRequest } from "../../../bindings/RecordRequest";
import type { Role } from "../../../bindings/Role";
import { Dialog } from "../../../components/Dialog";
import { CheckboxField, SelectField, TextField } from "../../../components/fields";
import { formatBytes, formatCount } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { cancelScan, recordJob } from "../../../platform";
import { newScanId } from "../../messages/scanId";
import { initialRecordForm, recordRequest, validateRecordForm, type RecordForm, type RecordFormErrors } from "./recordForm";
import { RecordingProgress } from "./RecordingProgress";
import "../recordings.css";

interface RecordJobDialogProps {
  connectionId: string;
  jobId: string;
  jobName: string;
  dataDir: string;
  role: Role;
  onClose: () => void;
}

interface Run {
  request: RecordRequest;
  recordingId: string;
}

export function RecordJobDialog({ connectionId, jobId, jobName, dataDir, role, onClose }: RecordJobDialogProps) {
  const formId = useId();
  const { navigate } = useNavigation();
  const [form, setForm] = useState<RecordForm>(() => initialRecordForm(dataDir, jobName, new Date()));
  const [errors, setErrors] = useState<RecordFormErrors>({});
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  const recording = useMutation({
    mutationFn: ({ request, recordingId }: Run) => recordJob(connectionId, request, recordingId, setProgress),
  });
  const runningId = recording.isPending ? recording.variables.recordingId : null;
  const running = useRef<string | null>(null);
  useEffect(() => {
    running.current = runningId;
  }, [runningId]);
  useEffect(
    () => () => {
      if (running.current !== null) void cancelScan(running.current);
    },
    [],
  );

  const started = recording.variables !== undefined;
  const summary = recording.data;
  const set = <K extends keyof RecordForm>(key: K) => (value: RecordForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (recording.isPending) return;
    const found = validateRecordForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setProgress(null);
    setStopping(false);
    recording.mutate({ request: recordRequest(jobId, form), recordingId: newScanId("recording") });
  };
  const stop = () => {
    if (runningId === null) return;
    setStopping(true);
    void cancelScan(runningId);
  };
  const roles = rolesUpTo(role);

  return (
    <Dialog
      title={`Record “${jobName}”`}
      // While recording, only Stop ends it: closing would leave no way to follow or stop it.
      onClose={recording.isPending ? () => undefined : onClose}
      testId="record-dialog"
      actions={
        recording.isPending ? (
          <button type="button" className="button button--danger" data-testid="record-stop" disabled={stopping} onClick={stop}>
            {stopping ? "Stopping…" : "Stop and seal"}
          </button>
        ) : (
          <>
            <button type="button" className="button" data-testid="record-close" onClick={onClose}>
              {summary === undefined ? "Cancel" : "Close"}
            </button>
            {summary === undefined ? (
              <button type="submit" form={formId} className="button button--primary" data-testid="record-start">
                {started ? "Record again" : "Start recording"}
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                data-testid="record-open"
                onClick={() => {
                  onClose();
                  navigate({ kind: "recording", path: summary.path });
                }}
              >
                Open recording
              </button>
            )}
          </>
        )
      }
    >
      <p className="muted">
        Samples the job's REST API (its state, checkpoints, exceptions and every vertex's figures) and captures the topics' records
        as the chosen role sees them, into one file anyone can open offline.
      </p>
      <form id={formId} className="record-form" noValidate onSubmit={submit}>
        <fieldset disabled={recording.isPending} className="record-form__fields">
          <TextField label="File" testId="record-path" value={form.path} error={errors.path} onChange={set("path")} hint="A new .slrec file; its directory must exist." />
          <div className="record-form__row">
            <TextField
              label="Sample every (seconds)"
              testId="record-interval"
              type="number"
              min={0.2}
              value={form.intervalSeconds}
              error={errors.intervalSeconds}
              onChange={set("intervalSeconds")}
            />
            <TextField
              label="Record for (seconds)"
              testId="record-duration"
              type="number"
              min={1}
              value={form.durationSeconds}
              error={errors.durationSeconds}
              disabled={form.untilStopped}
              onChange={set("durationSeconds")}
            />
          </div>
          <CheckboxField label="Until I stop it (or the job ends)" testId="record-until-stopped" checked={form.untilStopped} onChange={set("untilStopped")} />
          <div className="record-form__row">
            <TextField
              label="Capture input topics"
              testId="record-input-topics"
              value={form.inputTopics}
              placeholder="demo.orders"
              hint="The job's sources, comma-separated. Empty: no records."
              onChange={set("inputTopics")}
            />
            <TextField
              label="Capture output topics"
              testId="record-output-topics"
              value={form.outputTopics}
              placeholder="demo.revenue"
              hint="The job's sinks."
              onChange={set("outputTopics")}
            />
          </div>
          <SelectField
            label="Mask the records for"
            testId="record-masked-for"
            value={form.maskedFor}
            options={roles}
            optionLabels={ROLE_LABELS}
            hint="The file holds the records as this role sees them: masked now, for good."
            onChange={set("maskedFor")}
          />
        </fieldset>
      </form>
      {recording.isPending && <RecordingProgress progress={progress} durationMs={recording.variables.request.durationMs} />}
      {recording.error !== null && <InlineError error={recording.error} />}
      {summary !== undefined && (
        <p
          className="record-done"
          role="status"
          data-testid="record-done"
          data-path={summary.path}
          data-samples={summary.counts.samples}
          data-events={summary.counts.events}
          data-records={summary.counts.records}
        >
          Recorded and sealed: {formatCount(summary.counts.samples)} samples, {formatCount(summary.counts.events)} events and{" "}
          {formatCount(summary.counts.records)} records in <span className="mono">{summary.path}</span> ({formatBytes(summary.fileBytes)}).
        </p>
      )}
    </Dialog>
  );
}
