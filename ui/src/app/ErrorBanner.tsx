// Shows every reported AppError until the user dismisses it.
import { useSyncExternalStore } from "react";
import type { AppError } from "../bindings/AppError";
import { useErrorReporter } from "./AppProviders";

const KIND_TITLES: Record<AppError["kind"], string> = {
  not_found: "Not found",
  invalid_input: "Invalid input",
  forbidden: "Not allowed",
  storage: "Storage error",
  keyring: "Keyring error",
  internal: "Something went wrong",
};

export function ErrorBanner() {
  const reporter = useErrorReporter();
  const errors = useSyncExternalStore(reporter.subscribe, reporter.getSnapshot);
  if (errors.length === 0) return null;
  return (
    <div className="error-banners">
      {errors.map(({ id, error }) => (
        <div
          key={id}
          className="error-banner"
          role="alert"
          data-testid="error-banner"
          data-error-kind={error.kind}
        >
          <span className="error-banner__icon" aria-hidden="true">
            !
          </span>
          <div className="error-banner__text">
            <strong>{KIND_TITLES[error.kind]}</strong>
            <span>{error.message}</span>
          </div>
          <button
            type="button"
            className="button button--ghost error-banner__dismiss"
            aria-label="Dismiss error"
            onClick={() => {
              reporter.dismiss(id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
