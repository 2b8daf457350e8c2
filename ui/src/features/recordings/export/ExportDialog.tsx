// Exports the opened recording: as a Flink HistoryServer archive (the newest REST answer of
// every path, which a HistoryServer serves like any archived job) or its captured records as
// JSON lines (masked, as captured). The output path is typed (there is no file dialog); the
// backend says how much it wrote, or why it could not.
import { useId, useState, type SubmitEvent } from "react";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import { Dialog } from "../../../components/Dialog";
import { SelectField, TextField } from "../../../components/fields";
import { InlineError } from "../../../components/InlineError";
import type { RecordingExportKind } from "../../../platform";
import { useExportRecording } from "../queries";
import { defaultExportPath, EXPORT_KINDS, EXPORT_LABELS, exportedText } from "./exportTarget";

export function ExportDialog({ path, summary, onClose }: { path: string; summary: RecordingSummary; onClose: () => void }) {
  const formId = useId();
  const exporting = useExportRecording(path);
  const [kind, setKind] = useState<RecordingExportKind>("history_archive");
  // null: the default for the kind chosen.
  const [typed, setTyped] = useState<string | null>(null);
  const output = typed ?? defaultExportPath(path, summary.manifest.jobId, kind);
  const done = exporting.data !== undefined && exporting.variables.kind === kind && exporting.variables.output === output.trim();

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (output.trim() === "" || exporting.isPending) return;
    exporting.mutate({ output: output.trim(), kind });
  };

  return (
    <Dialog
      title="Export the recording"
      onClose={onClose}
      testId="export-dialog"
      actions={
        <>
          <button type="button" className="button" data-testid="export-close" onClick={onClose}>
            {done ? "Close" : "Cancel"}
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="export-submit"
            disabled={output.trim() === "" || exporting.isPending}
          >
            {exporting.isPending ? "Exporting…" : "Export"}
          </button>
        </>
      }
    >
      <form id={formId} className="export-form" noValidate onSubmit={submit}>
        <SelectField
          label="What to export"
          testId="export-kind"
          value={kind}
          options={EXPORT_KINDS}
          optionLabels={EXPORT_LABELS}
          hint={
            kind === "history_archive"
              ? "Put the file in a Flink HistoryServer's archive directory to browse the job there."
              : `${String(summary.counts.records)} records, masked for the ${summary.manifest.maskedForRole} role as they were captured.`
          }
          onChange={(next) => {
            setKind(next);
            setTyped(null);
            exporting.reset();
          }}
        />
        <TextField label="Write to" testId="export-output" value={output} onChange={setTyped} hint="A file that does not exist yet." />
      </form>
      {exporting.error !== null && <InlineError error={exporting.error} />}
      {done && (
        <p className="export-done" role="status" data-testid="export-done" data-count={exporting.data}>
          {exportedText(kind, exporting.data, exporting.variables.output)}
        </p>
      )}
    </Dialog>
  );
}
