// "Copy diagnostics": asks the backend for its diagnostics report (versions, paths,
// recent log lines — no secrets) and puts it on the clipboard. If the clipboard refuses,
// the report is shown in a dialog, selected, so the user can copy it by hand.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useReportError } from "../../app/AppProviders";
import { copyText, fetchDiagnostics } from "../../platform";
import { DiagnosticsDialog } from "./DiagnosticsDialog";

type Outcome = { kind: "copied" } | { kind: "show"; text: string };

async function copyDiagnostics(): Promise<Outcome> {
  const text = await fetchDiagnostics();
  try {
    await copyText(text);
    return { kind: "copied" };
  } catch {
    return { kind: "show", text };
  }
}

const CONFIRMATION_MS = 2500;

export function CopyDiagnosticsButton() {
  const reportError = useReportError();
  const [shown, setShown] = useState<string | null>(null);
  const copy = useMutation({
    mutationFn: copyDiagnostics,
    onSuccess: (outcome) => {
      if (outcome.kind === "show") setShown(outcome.text);
    },
    onError: reportError,
  });
  const copied = copy.data?.kind === "copied";
  const { reset } = copy;

  // The "copied" confirmation fades after a moment so the button reads normally again.
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(reset, CONFIRMATION_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copied, reset]);

  return (
    <>
      <button
        type="button"
        className="button button--ghost sidebar__diagnostics"
        data-testid="copy-diagnostics"
        disabled={copy.isPending}
        onClick={() => {
          copy.mutate();
        }}
      >
        {copy.isPending ? "Collecting…" : "Copy diagnostics"}
      </button>
      <span className="sidebar__status" role="status" data-testid="diagnostics-status">
        {copied ? "Diagnostics copied" : ""}
      </span>
      {shown !== null && (
        <DiagnosticsDialog
          text={shown}
          onClose={() => {
            setShown(null);
          }}
        />
      )}
    </>
  );
}
