// Shows the diagnostics report when it could not be copied automatically. The text is
// selected on open so Ctrl/Cmd+C is all that is left to do.
import { useEffect, useId, useRef } from "react";
import { Dialog } from "../../components/Dialog";

export function DiagnosticsDialog({ text, onClose }: { text: string; onClose: () => void }) {
  const textareaId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textareaRef.current?.focus();
    textareaRef.current?.select();
  }, []);

  return (
    <Dialog
      title="Diagnostics"
      onClose={onClose}
      testId="diagnostics-dialog"
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <label htmlFor={textareaId}>
        The clipboard is not available here. The report is selected below: copy it with Ctrl+C (⌘C on macOS).
      </label>
      <textarea
        id={textareaId}
        ref={textareaRef}
        className="diagnostics-text mono"
        readOnly
        rows={14}
        value={text}
        data-testid="diagnostics-text"
      />
    </Dialog>
  );
}
