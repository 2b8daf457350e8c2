// The way into "Open recording…", wherever it is offered (the sidebar, a failed open).
import { useState } from "react";
import { OpenRecordingDialog } from "./OpenRecordingDialog";

export function OpenRecordingButton({ className = "button", testId = "open-recording" }: { className?: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        data-testid={testId}
        onClick={() => {
          setOpen(true);
        }}
      >
        Open recording…
      </button>
      {open && (
        <OpenRecordingDialog
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
