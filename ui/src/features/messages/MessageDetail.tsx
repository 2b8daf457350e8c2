// The selected message in full, beside the table: where it is (partition, offset), when
// (local time, UTC in the tooltip, and the timestamp's kind), its size, then the value
// first (what people open a message for), the key and the headers. "Copy value" copies
// the value as shown (indented JSON, text, or hex).
import { useEffect, useState } from "react";
import type { MessageRecord } from "../../bindings/MessageRecord";
import { formatBytes, formatCount, formatLocalTime } from "../../components/format";
import { copyText } from "../../platform";
import { TIMESTAMP_KIND_LABELS } from "./MessageTable";
import { copyableText } from "./payload";
import { PayloadView } from "./PayloadView";

const COPIED_MS = 2000;

type CopyState = "idle" | "copied" | "failed";

function CopyValueButton({ text }: { text: string | null }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => {
      setState("idle");
    }, COPIED_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [state]);
  return (
    <div className="message-detail__copy">
      <span className="message-detail__status" role="status">
        {state === "copied" ? "Copied" : state === "failed" ? "The clipboard refused; select the text instead." : ""}
      </span>
      <button
        type="button"
        className="button"
        data-testid="copy-value"
        disabled={text === null}
        title={text === null ? "There is no value to copy" : undefined}
        onClick={() => {
          if (text === null) return;
          copyText(text).then(
            () => {
              setState("copied");
            },
            () => {
              setState("failed");
            },
          );
        }}
      >
        Copy value
      </button>
    </div>
  );
}

export function MessageDetail({ message, onClose }: { message: MessageRecord; onClose: () => void }) {
  return (
    <aside className="message-detail" data-testid="message-detail" aria-label="Message detail">
      <header className="message-detail__header">
        <h4>
          Partition {message.partition} · Offset {message.offset}
        </h4>
        <button
          type="button"
          className="button button--ghost"
          data-testid="message-detail-close"
          aria-label="Close message detail"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <dl className="message-detail__facts">
        <dt>Timestamp</dt>
        <dd>
          {message.timestamp === null ? (
            <span className="muted">none</span>
          ) : (
            <span className="mono" title={new Date(message.timestamp).toISOString()}>
              {formatLocalTime(message.timestamp)}
            </span>
          )}{" "}
          <span className="muted">· {TIMESTAMP_KIND_LABELS[message.timestampKind]}</span>
        </dd>
        <dt>Size</dt>
        <dd title={`${formatCount(message.sizeBytes)} bytes`}>{formatBytes(message.sizeBytes)}</dd>
      </dl>

      <section className="message-detail__section" aria-label="Value">
        <div className="message-detail__section-header">
          <h5>Value</h5>
          <CopyValueButton text={copyableText(message.value)} />
        </div>
        <PayloadView payload={message.value} nullLabel="tombstone" testId="detail-value" />
      </section>

      <section className="message-detail__section" aria-label="Key">
        <h5>Key</h5>
        <PayloadView payload={message.key} nullLabel="no key" testId="detail-key" />
      </section>

      <section className="message-detail__section" aria-label="Headers">
        <h5>Headers ({message.headers.length})</h5>
        {message.headers.length === 0 ? (
          <p className="muted">No headers.</p>
        ) : (
          <table className="data-table header-table" data-testid="detail-headers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {message.headers.map((header, index) => (
                <tr key={`${header.key}-${String(index)}`} data-testid="detail-header-row">
                  <td className="mono">{header.key}</td>
                  <td>
                    <PayloadView payload={header.value} nullLabel="null" compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </aside>
  );
}
