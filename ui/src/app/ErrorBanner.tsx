// Shows every reported AppError until the user dismisses it.
import { useSyncExternalStore } from "react";
import { ERROR_KIND_TITLES } from "../components/errorTitles";
import { useErrorReporter } from "./AppProviders";

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
            <strong>{ERROR_KIND_TITLES[error.kind]}</strong>
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
