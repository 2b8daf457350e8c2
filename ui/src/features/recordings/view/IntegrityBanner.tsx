// The recording's integrity, said plainly at the top of the view: first what the file claims
// (its summary comes fast), then — once the digest has been recomputed, which takes seconds on
// a big file — the verified verdict in its place. A tampered file is red and prominent.
import type { AppError } from "../../../bindings/AppError";
import type { Integrity } from "../../../bindings/Integrity";
import { InlineError } from "../../../components/InlineError";
import { integrityVerdict } from "./integrity";

interface IntegrityBannerProps {
  claimed: Integrity;
  verified: Integrity | undefined;
  checking: boolean;
  error: AppError | null;
  onRetry: () => void;
}

export function IntegrityBanner({ claimed, verified, checking, error, onRetry }: IntegrityBannerProps) {
  const integrity = verified ?? claimed;
  const verdict = integrityVerdict(integrity);
  return (
    <>
      <div
        className={`integrity-banner integrity-banner--${verdict.tone}`}
        role={verdict.tone === "danger" ? "alert" : "status"}
        data-testid="integrity-banner"
        data-state={integrity.state}
        data-verified={verified !== undefined}
      >
        <span className="integrity-banner__icon" aria-hidden="true">
          {verdict.tone === "ok" ? "✓" : verdict.tone === "danger" ? "✕" : "!"}
        </span>
        <div className="integrity-banner__text">
          <strong data-testid="integrity-title">{verdict.title}</strong>
          <span>{verdict.detail}</span>
          {verified === undefined && (
            <span className="muted" data-testid="integrity-checking">
              {checking ? "As the file claims; checking its digest…" : "As the file claims; not checked yet."}
            </span>
          )}
        </div>
      </div>
      {error !== null && <InlineError error={error} onRetry={onRetry} retrying={checking} />}
    </>
  );
}
