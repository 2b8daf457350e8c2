// Exports a topic's messages to a file: JSON lines or CSV; the current result (the view's
// start, partitions and filters, up to N messages — N is what the view shows) or a range
// from a typed start. The output path is typed (there is no file dialog) and defaults to
// the app's data directory. While it runs, a bar shows what was scanned and written and
// Cancel stops it (the backend leaves no file behind); closing the dialog cancels too. The
// file goes through the same data path as the screen, so a masked role's file is masked.
import { useEffect, useId, useRef, useState, type RefObject, type SubmitEvent } from "react";
import type { BrowseRequest } from "../../../bindings/BrowseRequest";
import type { Role } from "../../../bindings/Role";
import type { ScanProgress } from "../../../bindings/ScanProgress";
import { Dialog } from "../../../components/Dialog";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, withFormatExtension } from "../../../components/exportFile";
import { SelectField, TextField } from "../../../components/fields";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { submitOnEnter } from "../../../components/keyboard";
import { timeDisplay } from "../../../components/timeFormat";
import { needsValue } from "../seek";
import {
  defaultExportPath,
  describeRequest,
  EXPORT_SCOPE_LABELS,
  EXPORT_SCOPES,
  exportedText,
  initialExportForm,
  RANGE_START_LABELS,
  RANGE_STARTS,
  toExportJob,
  type ExportForm,
  type ExportProblems,
} from "./exportForm";
import { useMessageExport } from "./useMessageExport";
import "./export.css";

interface ExportMessagesDialogProps {
  connectionId: string;
  topic: string;
  /** The request of the result on screen. */
  view: BrowseRequest;
  /** How many messages the view's page shows: the current result's default maximum. */
  shown: number;
  dataDir: string;
  role: Role;
  /** The view's data is (or may be) masked for this role: say the file is too. */
  masked: boolean;
  onClose: () => void;
}

export function ExportMessagesDialog({
  connectionId,
  topic,
  view,
  shown,
  dataDir,
  role,
  masked,
  onClose,
}: ExportMessagesDialogProps) {
  const formId = useId();
  const startValueId = useId();
  // The default file name's time is when the dialog opened, not each render.
  const [openedAt] = useState(() => new Date());
  // An empty page (a filter matched nothing yet) exports up to what a page of it holds.
  const [form, setForm] = useState<ExportForm>(() => initialExportForm(shown > 0 ? shown : view.limit));
  const [problems, setProblems] = useState<ExportProblems>({});
  const progressRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { mutation, progress, cancel } = useMessageExport(connectionId);
  const running = mutation.isPending;

  // The fields and Export are disabled while it runs, which would drop the focus out of the
  // dialog (and Escape with it): it waits on the progress (where Enter does nothing, so a
  // second press cannot cancel), then on Close once the progress is gone.
  useEffect(() => {
    if (running) progressRef.current?.focus();
    else if (document.activeElement === null || document.activeElement === document.body) closeRef.current?.focus();
  }, [running]);
  const path = form.path ?? defaultExportPath(dataDir, topic, form.format, openedAt);

  const update = (patch: Partial<ExportForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
    // The last result belongs to the fields as they were: "Wrote N rows to <old path>" goes.
    mutation.reset();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running) return;
    const job = toExportJob(view, form, path);
    if (!job.ok) {
      setProblems(job.problems);
      return;
    }
    setProblems({});
    mutation.mutate({ request: job.request, target: job.target });
  };

  const summary = mutation.data;
  return (
    <Dialog
      title={`Export messages of “${topic}”`}
      onClose={onClose}
      testId="export-dialog"
      actions={
        <>
          {running ? (
            <button type="button" className="button" data-testid="export-cancel" onClick={cancel}>
              Cancel export
            </button>
          ) : (
            <button ref={closeRef} type="button" className="button" data-testid="export-close" onClick={onClose}>
              Close
            </button>
          )}
          <button type="submit" form={formId} className="button button--primary" data-testid="export-submit" disabled={running}>
            {running ? "Exporting…" : "Export"}
          </button>
        </>
      }
    >
      <form id={formId} className="message-export" noValidate onSubmit={submit} onKeyDown={submitOnEnter}>
        <fieldset className="export-fields" disabled={running}>
          <div className="message-export__row">
            <SelectField
              label="Format"
              testId="export-format"
              value={form.format}
              options={EXPORT_FORMATS}
              optionLabels={EXPORT_FORMAT_LABELS}
              onChange={(format) => {
                update({ format, path: form.path === null ? null : withFormatExtension(form.path, format) });
              }}
            />
            <SelectField
              label="What"
              testId="export-scope"
              value={form.scope}
              options={EXPORT_SCOPES}
              optionLabels={EXPORT_SCOPE_LABELS}
              onChange={(scope) => {
                update({ scope });
              }}
            />
          </div>
          <p className="field__hint" data-testid="export-what">
            {form.scope === "current"
              ? `${describeRequest(view)}.`
              : `Starting where you say, with the view's ${view.partitions === null ? "partitions" : "partition"} and filters.`}
          </p>
          {form.scope === "range" && (
            <div className="message-export__row">
              <SelectField
                label="Start"
                testId="export-start"
                value={form.rangeStart}
                options={RANGE_STARTS}
                optionLabels={RANGE_START_LABELS}
                onChange={(rangeStart) => {
                  update({ rangeStart, rangeValue: "" });
                }}
              />
              {needsValue(form.rangeStart) && (
                <div className={`field${problems.rangeValue !== undefined ? " field--invalid" : ""}`}>
                  <label htmlFor={startValueId}>
                    {form.rangeStart === "offset" ? "Offset" : `Time (${timeDisplay().timeZone})`}
                  </label>
                  <input
                    id={startValueId}
                    data-testid="export-start-value"
                    type={form.rangeStart === "offset" ? "number" : "datetime-local"}
                    min={form.rangeStart === "offset" ? 0 : undefined}
                    step={form.rangeStart === "offset" ? 1 : "0.001"}
                    value={form.rangeValue}
                    aria-invalid={problems.rangeValue !== undefined}
                    aria-describedby={problems.rangeValue !== undefined ? `${startValueId}-error` : undefined}
                    onChange={(event) => {
                      update({ rangeValue: event.target.value });
                    }}
                  />
                  {problems.rangeValue !== undefined && (
                    <p className="field__error" id={`${startValueId}-error`}>
                      {problems.rangeValue}
                    </p>
                  )}
                </div>
              )}
            </div>
          )}
          <TextField
            label={form.scope === "current" ? "Up to (messages)" : "At most (messages)"}
            testId="export-limit"
            type="number"
            min={1}
            value={form.limit}
            error={problems.limit}
            hint={
              form.scope !== "current"
                ? undefined
                : shown > 0
                  ? `The view shows ${pluralize(shown, "message")}.`
                  : `The view shows none; a page of it holds up to ${pluralize(view.limit, "message")}.`
            }
            onChange={(limit) => {
              update({ limit });
            }}
          />
          <TextField
            label="Write to"
            testId="export-path"
            value={path}
            error={problems.path}
            hint="A new file in a folder that exists (an existing file is never replaced)."
            onChange={(typed) => {
              update({ path: typed });
            }}
          />
        </fieldset>
      </form>
      {masked && (
        <p className="message-export__note" data-testid="export-masked-note">
          Masked like the view: the file holds what the {role} role sees here — masked values stay masked, and withheld
          payloads are written as withheld.
        </p>
      )}
      {running && <ExportProgressBar progress={progress?.progress ?? null} focusRef={progressRef} />}
      {mutation.error !== null && <InlineError error={mutation.error} />}
      {summary !== undefined && !running && summary.cancelled && (
        <p className="message-export__note" role="status" data-testid="export-cancelled">
          Export cancelled after {pluralize(summary.rows, "row")}: no file was written.
        </p>
      )}
      {summary !== undefined && !running && !summary.cancelled && (
        <p
          className="export-done"
          role="status"
          data-testid="export-done"
          data-rows={summary.rows}
          data-bytes={summary.bytes}
          data-path={summary.path}
        >
          {exportedText(summary)}
        </p>
      )}
    </Dialog>
  );
}

function ExportProgressBar({ progress, focusRef }: { progress: ScanProgress | null; focusRef: RefObject<HTMLDivElement | null> }) {
  const total = progress?.total ?? 0;
  const fraction = total > 0 && progress !== null ? Math.min(1, progress.scanned / total) : null;
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      className="message-export__progress"
      data-testid="export-progress"
      data-scanned={progress?.scanned}
      data-written={progress?.matched}
    >
      <div
        className="scan-progress__bar message-export__bar"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={progress?.scanned}
      >
        <div
          className={`scan-progress__fill${fraction === null ? " scan-progress__fill--unknown" : ""}`}
          style={{ width: fraction === null ? undefined : `${String(Math.round(fraction * 100))}%` }}
        />
      </div>
      <span className="message-export__progress-text">
        {progress === null
          ? "Starting the export…"
          : // Every message that passes the filters is written, so "matched" is what the file holds.
            `scanned ${formatCount(progress.scanned)} of ${formatCount(progress.total)} · written ${formatCount(progress.matched)}`}
      </span>
    </div>
  );
}
