// A failure shown where the data would have been, with a Retry button. Used for reads
// that can fail for reasons outside the app (a broker down, a timeout), where the
// place the user is looking is the right place to say so. When a banner above already
// shows the same message (a lost connection, retried on its own), a short note stands in
// for it, so the message is not read twice.
import { createContext, use } from "react";
import type { AppError } from "../bindings/AppError";
import { ERROR_KIND_TITLES } from "./errorTitles";

/** Messages a banner above the view already shows, each with the note to show instead. */
export const ShownAboveContext = createContext<ReadonlyMap<string, string>>(new Map());

interface InlineErrorProps {
  error: AppError;
  onRetry?: () => void;
  retrying?: boolean;
}

export function InlineError({ error, onRetry, retrying = false }: InlineErrorProps) {
  const noteInstead = use(ShownAboveContext).get(error.message);
  return (
    <div
      className="inline-error"
      // Already announced by the banner above (a live region): not a second alert.
      role={noteInstead === undefined ? "alert" : undefined}
      data-testid="inline-error"
      data-error-kind={error.kind}
      data-shown-above={noteInstead === undefined ? undefined : "true"}
    >
      <span className="inline-error__icon" aria-hidden="true">
        !
      </span>
      <div className="inline-error__text">
        <strong>{ERROR_KIND_TITLES[error.kind]}</strong>
        <span>{noteInstead ?? error.message}</span>
      </div>
      {onRetry !== undefined && (
        <button type="button" className="button" data-testid="retry" disabled={retrying} onClick={onRetry}>
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}
