// One payload in full (the detail pane): JSON indented (whatever decoded it: JSON, Avro,
// Protobuf, JSON Schema, MessagePack), text as is, hex in a monospace block, a withheld
// payload as a badge with the backend's reason — never anything else. A payload that could
// not be decoded says why first, as a warning, then shows the hex it fell back to. Says
// when only the first part of a large payload is shown, the decode path (decoder, schema
// id, subject and version), and, for a masked payload, where masking changed it and by
// which rule (MaskMarks; the masked text is all there is of the original).
import type { Payload } from "../../bindings/Payload";
import { decodePath } from "./decodePath";
import { MaskMarks } from "./MaskMarks";
import { displayPayload, truncationNote } from "./payload";
import "./decoding.css";

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
  const shown = display.kind !== "null" && display.kind !== "withheld";
  const failed = payload.failed && shown;
  return (
    <div className="payload" data-testid={testId} data-format={payload.format} data-failed={failed}>
      {failed && (
        <p className="payload__failed" data-testid="payload-failed">
          <span className="payload__failed-icon" aria-hidden="true">
            ⚠
          </span>
          <span>
            <strong>Could not decode: </strong>
            {payload.note ?? "the decoder this payload asks for could not read it."}
          </span>
        </p>
      )}
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
      <MaskMarks marks={payload.masks} compact={compact} />
      {cut !== null && (
        <p className="payload__note" data-testid="payload-truncated">
          {cut}
        </p>
      )}
      {!compact && shown && (
        <p
          className="payload__note muted"
          data-testid="payload-decoder"
          data-decoder={payload.decoder}
          data-schema-id={payload.schema?.id}
          data-schema-subject={payload.schema?.subject ?? undefined}
          data-schema-version={payload.schema?.version ?? undefined}
        >
          {decodePath(payload)}
          {/* A failure's note is the warning above; any other note belongs to the path. */}
          {payload.note !== null && !failed && ` — ${payload.note}`}
        </p>
      )}
    </div>
  );
}
