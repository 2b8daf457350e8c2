// One payload in a table cell, on one line: a preview of the text, a tombstone or withheld
// badge, hex marked as hex, a registry-decoded payload with its schema as a badge
// ("avro · demo.orders-value v1 (id 1)"), a masked payload with a "masked" badge before its
// masked text (the detail pane lists where and by which rule), and a payload that could not
// be decoded as the reason why rather than the hex it fell back to (the detail pane still
// has the hex).
import type { Payload } from "../../bindings/Payload";
import { decoderBadge, schemaName } from "./decodePath";
import { MaskedBadge } from "./MaskMarks";
import { previewText } from "./payload";
import "./decoding.css";

export function PayloadCell({ payload, role }: { payload: Payload; role: "key" | "value" }) {
  if (payload.failed && payload.format !== "withheld" && payload.format !== "null") {
    // The reason is what matters here; the hex it fell back to stays in the detail pane.
    const note = payload.note ?? "The payload could not be decoded.";
    return (
      <span title={payload.schema === null ? note : `${note}\n(${schemaName(payload.schema)})`}>
        <span className="tag tag--failed" data-testid="decode-failed">
          not decoded
        </span>
        <span className="message-cell__text message-cell__text--failed" data-testid="payload-preview">
          {note}
        </span>
      </span>
    );
  }
  const badge = decoderBadge(payload);
  switch (payload.format) {
    case "null":
      return role === "value" ? (
        <span className="tag tag--tombstone" title="No value: a tombstone">
          tombstone
        </span>
      ) : (
        <span className="muted">—</span>
      );
    case "withheld":
      return (
        <span className="tag tag--withheld" title={payload.note ?? undefined}>
          withheld
        </span>
      );
    case "binary":
      return (
        <>
          <span className="tag tag--hex" title={payload.note ?? "Not text: shown as hex"}>
            hex
          </span>
          <MaskedBadge marks={payload.masks} />
          <span className="message-cell__text" data-testid="payload-preview">
            {previewText(payload)}
          </span>
        </>
      );
    case "json":
    case "text":
      return (
        <>
          {badge !== null && (
            <span className="tag tag--schema" data-testid="schema-badge" title={`Decoded as ${badge}`}>
              {badge}
            </span>
          )}
          <MaskedBadge marks={payload.masks} />
          <span className="message-cell__text" data-testid="payload-preview">
            {previewText(payload)}
          </span>
        </>
      );
  }
}
