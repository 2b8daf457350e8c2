// How a decoded payload (key, value or header value) is shown: a one-line preview for the
// table, and the full form for the detail pane — JSON indented, text as is, hex as hex,
// a withheld payload as the backend's reason and nothing else, and how many values masking
// changed.
import type { Payload } from "../../bindings/Payload";
import { formatBytes, formatCount, pluralize } from "../../components/format";

/** The most characters a table cell renders; the cell shows one line with an ellipsis anyway. */
export const PREVIEW_CHARS = 2_000;

export function previewText(payload: Payload): string {
  const text = payload.text ?? "";
  return text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text;
}

export type PayloadDisplay =
  | { kind: "null" }
  | { kind: "withheld"; note: string }
  | { kind: "json"; text: string }
  | { kind: "text"; text: string }
  | { kind: "hex"; text: string };

const WITHHELD_FALLBACK = "Withheld: your role may not see this payload.";

/**
 * Indents JSON text by two spaces per level, like JSON.stringify(value, null, 2), but
 * token by token: numbers keep their spelling (a 64-bit id stays exact, 1.50 stays 1.50)
 * and keys keep their order and duplicates. Call only with text JSON.parse accepts.
 */
export function indentJson(text: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  const newline = () => `\n${"  ".repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case " ":
      case "\n":
      case "\r":
      case "\t":
        break;
      case '"':
        inString = true;
        out += c;
        break;
      case "{":
      case "[": {
        let next = i + 1;
        while (next < text.length && " \n\r\t".includes(text.charAt(next))) next++;
        const close = c === "{" ? "}" : "]";
        if (text.charAt(next) === close) {
          out += c + close; // {} and [] stay on one line, as JSON.stringify writes them
          i = next;
        } else {
          depth++;
          out += c + newline();
        }
        break;
      }
      case "}":
      case "]":
        depth--;
        out += newline() + c;
        break;
      case ",":
        out += "," + newline();
        break;
      case ":":
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  return out;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function displayPayload(payload: Payload): PayloadDisplay {
  switch (payload.format) {
    case "null":
      return { kind: "null" };
    case "withheld":
      return { kind: "withheld", note: payload.note ?? WITHHELD_FALLBACK };
    case "binary":
      return { kind: "hex", text: payload.text ?? "" };
    case "json": {
      const text = payload.text ?? "";
      // A cut-off JSON preview cannot be parsed; it is shown as the text it is.
      if (!payload.truncated && isJson(text)) return { kind: "json", text: indentJson(text) };
      return { kind: "text", text };
    }
    case "text":
      return { kind: "text", text: payload.text ?? "" };
  }
}

/** Says how much of a cut-short payload is shown, or null when all of it is. */
export function truncationNote(payload: Payload): string | null {
  if (!payload.truncated) return null;
  const total = `${formatCount(payload.size)} bytes`;
  if (payload.format === "binary") {
    // Hex is "xx xx xx": three characters per byte, less the last space.
    const shown = Math.ceil((payload.text ?? "").length / 3);
    return `Showing the first ${formatBytes(shown)} of ${total}.`;
  }
  return `Showing the first 64 KiB of ${total}.`;
}

/** The text "Copy value" puts on the clipboard; null when there is none to copy. */
export function copyableText(payload: Payload): string | null {
  const display = displayPayload(payload);
  switch (display.kind) {
    case "null":
    case "withheld":
      return null;
    case "json":
    case "text":
    case "hex":
      return display.text;
  }
}

/** The masked badge's tooltip: "1 value masked", "3 values masked". */
export function maskedSummary(count: number): string {
  return `${pluralize(count, "value")} masked`;
}
