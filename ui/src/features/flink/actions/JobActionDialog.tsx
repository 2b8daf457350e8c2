// Asks before a job action: what it does, an optional target directory for the savepoint,
// and on a prod connection the job's name typed back (the backend refuses without it). Once
// sent, the dialog follows the savepoint until it is done; closing it only stops watching.
import { useId, useState, type SubmitEvent } from "react";
import type { AppError } from "../../../bindings/AppError";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { JobActionKind } from "../../../bindings/JobActionKind";
import type { SavepointStatus } from "../../../bindings/SavepointStatus";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/fields";
import { InlineError } from "../../../components/InlineError";
import { useJobAction } from "../queries";
import { ACTIONS, takesSavepoint } from "./jobActions";
import { SavepointProgress } from "./SavepointProgress";

interface JobActionDialogProps {
  profile: ConnectionProfile;
  jobId: string;
  jobName: string;
  kind: JobActionKind;
  onClose: () => void;
}

export function JobActionDialog({ profile, jobId, jobName, kind, onClose }: JobActionDialogProps) {
  const formId = useId();
  const confirmId = useId();
  const text = ACTIONS[kind];
  const action = useJobAction(profile.id, jobId);
  const [directory, setDirectory] = useState("");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [started, setStarted] = useState<{ status: SavepointStatus; at: number } | null>(null);
  const prod = profile.environment === "prod";
  const mayStart = started === null && !action.isPending && (!prod || typed === jobName);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mayStart) return;
    setError(null);
    const sentAt = Date.now();
    action.mutate(
      { kind, targetDirectory: takesSavepoint(kind) && directory.trim() !== "" ? directory.trim() : null, confirm: prod ? typed : null },
      {
        onSuccess: (status) => {
          setStarted({ status, at: sentAt });
        },
        onError: setError,
      },
    );
  };

  return (
    <Dialog
      title={`${text.title}: “${jobName}”`}
      onClose={onClose}
      testId="job-action-dialog"
      actions={
        <>
          <button type="button" className="button" data-testid="job-action-close" onClick={onClose}>
            {started === null ? "Cancel" : "Close"}
          </button>
          {started === null && (
            <button
              type="submit"
              form={formId}
              className={`button ${text.danger ? "button--danger" : "button--primary"}`}
              data-testid="job-action-submit"
              disabled={!mayStart}
            >
              {action.isPending ? "Sending…" : text.submit}
            </button>
          )}
        </>
      }
    >
      <p>{text.explanation}</p>
      <form id={formId} className="job-action-form" noValidate onSubmit={submit}>
        {takesSavepoint(kind) && (
          <TextField
            label="Target directory"
            testId="job-action-target"
            value={directory}
            placeholder="file:///…, s3://…"
            hint="Empty: the cluster's configured savepoint directory (state.savepoints.dir)."
            disabled={started !== null}
            onChange={setDirectory}
          />
        )}
        {prod && (
          <div className="field">
            <label htmlFor={confirmId}>
              This is a <strong>production</strong> connection. Type <code>{jobName}</code> to go ahead.
            </label>
            <input
              id={confirmId}
              type="text"
              autoComplete="off"
              spellCheck={false}
              data-testid="confirm-job-name"
              value={typed}
              disabled={started !== null}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
            />
          </div>
        )}
      </form>
      {error !== null && <InlineError error={error} />}
      {started !== null && (
        <SavepointProgress connectionId={profile.id} jobId={jobId} started={started.status} startedAt={started.at} />
      )}
    </Dialog>
  );
}
