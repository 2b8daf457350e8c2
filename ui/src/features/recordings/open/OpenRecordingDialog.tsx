// "Open recording…": there is no file dialog in the window (no dialog plugin), so a path is
// typed or pasted — or picked from the recordings opened lately, or the bundled sample. Files
// can also be dropped onto the window (RecordingLauncher). Whether the path is a recording is
// the backend's to say, in the recording view.
import { useId, useState, type SubmitEvent } from "react";
import { useNavigation } from "../../../app/navigation";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/fields";
import { formatLocalTime } from "../../../components/format";
import { forgetRecording, useRecentRecordings } from "../recentRecordings";
import { useOpenSample } from "./useOpenSample";
import "./open.css";

export function OpenRecordingDialog({ onClose }: { onClose: () => void }) {
  const formId = useId();
  const { navigate } = useNavigation();
  const recent = useRecentRecordings();
  const sample = useOpenSample();
  const [path, setPath] = useState("");
  const open = (chosen: string) => {
    onClose();
    navigate({ kind: "recording", path: chosen });
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed !== "") open(trimmed);
  };

  return (
    <Dialog
      title="Open a recording"
      onClose={onClose}
      testId="open-recording-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" data-testid="open-recording-submit" disabled={path.trim() === ""}>
            Open
          </button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={submit}>
        <TextField
          label="Path of the .slrec file"
          testId="open-recording-path"
          value={path}
          placeholder="/home/me/recordings/orders-incident.slrec"
          hint="Or drop a .slrec file onto the window."
          onChange={setPath}
        />
      </form>
      {recent.length > 0 && (
        <section className="open-recording__recent" aria-label="Opened lately">
          <h3 className="open-recording__heading">Opened lately</h3>
          <ul className="open-recording__list">
            {recent.map((entry) => (
              <li key={entry.path} className="open-recording__item">
                <button
                  type="button"
                  className="link-button open-recording__entry"
                  data-testid="recent-recording-option"
                  data-path={entry.path}
                  title={entry.path}
                  onClick={() => {
                    open(entry.path);
                  }}
                >
                  <strong>{entry.jobName}</strong> <span className="muted mono">{entry.path}</span>
                </button>
                <span className="muted open-recording__when">{formatLocalTime(entry.openedAt, "minutes")}</span>
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`Forget ${entry.path}`}
                  title="Remove from this list (the file stays)"
                  onClick={() => {
                    forgetRecording(entry.path);
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="open-recording__sample">
        <button
          type="button"
          className="button"
          data-testid="open-recording-sample"
          disabled={sample.pending}
          onClick={() => {
            onClose();
            sample.open();
          }}
        >
          Open the sample recording
        </button>{" "}
        <span className="muted">A minute of a flaky Flink job: restarts, failed checkpoints, masked records.</span>
      </p>
    </Dialog>
  );
}
