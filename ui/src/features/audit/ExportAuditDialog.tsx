// Exports the whole audit log (every entry, oldest first) to a new file: JSON lines or CSV.
// The path is typed (there is no file dialog) and defaults to a timestamped file in the
// app's data directory; the backend never replaces an existing file and says so. The done
// line says how many entries went where.
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import type { ExportFormat } from "../../bindings/ExportFormat";
import { Dialog } from "../../components/Dialog";
import {
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  fileInDirectory,
  outputPathProblem,
  timestampedFileName,
  withFormatExtension,
} from "../../components/exportFile";
import { SelectField, TextField } from "../../components/fields";
import { pluralize } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { submitOnEnter } from "../../components/keyboard";
import type { AuditExport } from "../../platform";
import { useExportAudit } from "./queries";

/** "audit-20261130-014422.jsonl" in the data directory. */
export function defaultAuditExportPath(dataDir: string, format: ExportFormat, now: Date): string {
  return fileInDirectory(dataDir, timestampedFileName("audit", format, now));
}

export function auditExportedText(result: AuditExport): string {
  return `Wrote ${pluralize(result.rows, "entry", "entries")} to ${result.path}`;
}

export function ExportAuditDialog({ dataDir, onClose }: { dataDir: string; onClose: () => void }) {
  const formId = useId();
  // The default file name's time is when the dialog opened, not each render.
  const [openedAt] = useState(() => new Date());
  const [format, setFormat] = useState<ExportFormat>("jsonl");
  // null: the default for the format.
  const [typed, setTyped] = useState<string | null>(null);
  const [pathProblem, setPathProblem] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const exporting = useExportAudit();
  const running = exporting.isPending;
  const path = typed ?? defaultAuditExportPath(dataDir, format, openedAt);

  // Export is disabled while it runs, which drops the focus out of the dialog (and Escape
  // with it): it goes to Close once the export is over.
  useEffect(() => {
    if (!running && (document.activeElement === null || document.activeElement === document.body)) closeRef.current?.focus();
  }, [running]);

  // A change makes the last answer (done or refused) about another file: it goes.
  const changed = () => {
    setPathProblem(null);
    exporting.reset();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running) return;
    const output = path.trim();
    const problem = outputPathProblem(output);
    setPathProblem(problem);
    if (problem === null) exporting.mutate({ path: output, format });
  };

  return (
    <Dialog
      title="Export the audit log"
      onClose={onClose}
      testId="export-dialog"
      actions={
        <>
          <button ref={closeRef} type="button" className="button" data-testid="export-close" onClick={onClose}>
            {exporting.data === undefined ? "Cancel" : "Close"}
          </button>
          <button type="submit" form={formId} className="button button--primary" data-testid="export-submit" disabled={running}>
            {running ? "Exporting…" : "Export"}
          </button>
        </>
      }
    >
      <form id={formId} className="audit-export" noValidate onSubmit={submit} onKeyDown={submitOnEnter}>
        <fieldset className="export-fields" disabled={running}>
          <SelectField
            label="Format"
            testId="export-format"
            value={format}
            options={EXPORT_FORMATS}
            optionLabels={EXPORT_FORMAT_LABELS}
            hint="Every entry of the log, oldest first — not only the newest the view lists."
            onChange={(next) => {
              setFormat(next);
              if (typed !== null) setTyped(withFormatExtension(typed, next));
              changed();
            }}
          />
          <TextField
            label="Write to"
            testId="export-path"
            value={path}
            error={pathProblem ?? undefined}
            hint="A new file in a folder that exists (an existing file is never replaced)."
            onChange={(next) => {
              setTyped(next);
              changed();
            }}
          />
        </fieldset>
      </form>
      {exporting.error !== null && <InlineError error={exporting.error} />}
      {exporting.data !== undefined && (
        <p
          className="export-done"
          role="status"
          data-testid="export-done"
          data-rows={exporting.data.rows}
          data-path={exporting.data.path}
        >
          {auditExportedText(exporting.data)}
        </p>
      )}
    </Dialog>
  );
}
