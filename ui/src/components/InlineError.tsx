// A failure shown where the data would have been, with a Retry button. Used for reads
// that can fail for reasons outside the app (a broker down, a timeout), where the
// place the user is looking is the right place to say so.
import type { AppError } from "../bindings/AppError";
import { ERROR_KIND_TITLES } from "./errorTitles";

interface InlineErrorProps {
  error: AppError;
  onRetry?: () => void;
  retrying?: boolean;
}

export function InlineError({ error, onRetry, retrying = false }: InlineErrorProps) {
  return (
    <div className="inline-error" role="alert" data-testid="inline-error" data-error-kind={error.kind}>
      <span className="inline-error__icon" aria-hidden="true">
        !
      </span>
      <div className="inline-error__text">
        <strong>{ERROR_KIND_TITLES[error.kind]}</strong>
        <span>{error.message}</span>
      </div>
      {onRetry !== undefined && (
        <button type="button" className="button" data-testid="retry" disabled={retrying} onClick={onRetry}>
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}
