// One payload in full (the detail pane): JSON indented, text as is, hex in a monospace
// block, a withheld payload as a badge with the backend's reason — never anything else.
// Says when only the first part of a large payload is shown.
import type { Payload } from "../../bindings/Payload";
import { displayPayload, truncationNote } from "./payload";

interface PayloadViewProps {
  payload: Payload;
  /** What a null payload means here: "tombstone" for a value, "no key" for a key. */
  nullLabel: string;
  testId?: string;
  compact?: boolean;
}

export function PayloadView({ payload, nullLabel, testId, compact = false }: PayloadViewProps) {
  const display = displayPayload(payload);
  const cut = truncationNote(payload);
  const blockClass = `payload-block${compact ? " payload-block--compact" : ""}`;
  return (
    <div className="payload" data-testid={testId} data-format={payload.format}>
      {display.kind === "null" && (
        <span className={`tag ${nullLabel === "tombstone" ? "tag--tombstone" : "tag--muted"}`}>{nullLabel}</span>
      )}
      {display.kind === "withheld" && (
        <p className="payload__withheld">
          <span className="tag tag--withheld">withheld</span> <span className="muted">{display.note}</span>
        </p>
      )}
      {display.kind === "json" && <pre className={`${blockClass} payload-block--json`}>{display.text}</pre>}
      {display.kind === "text" && <pre className={`${blockClass} payload-block--text`}>{display.text}</pre>}
      {display.kind === "hex" && (
        <>
          {!compact && <span className="tag tag--hex">hex</span>}
          <pre className={`${blockClass} payload-block--hex`}>{display.text}</pre>
        </>
      )}
      {cut !== null && (
        <p className="payload__note" data-testid="payload-truncated">
          {cut}
        </p>
      )}
      {!compact && display.kind !== "null" && display.kind !== "withheld" && (
        <p className="payload__note muted" data-testid="payload-decoder">
          Decoded as {payload.decoder}
          {payload.note !== null && ` — ${payload.note}`}
        </p>
      )}
    </div>
  );
}
