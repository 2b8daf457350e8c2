// How a payload was decoded, in words: the badge a row shows for a registry-decoded payload
// ("avro · demo.orders-value v1 (id 1)"), the decoders worth a badge of their own, and the
// detail pane's decode path. Plain JSON and UTF-8 get no badge: they are what rows show
// anyway, and the cell's text stays exactly the payload.
import type { Payload } from "../../bindings/Payload";
import type { SchemaTag } from "../../bindings/SchemaTag";

/** "demo.orders-value v1 (id 1)", or "schema id 1" when the registry did not say more. */
export function schemaName(schema: SchemaTag): string {
  if (schema.subject === null) return `schema id ${String(schema.id)}`;
  const version = schema.version === null ? "" : ` v${String(schema.version)}`;
  return `${schema.subject}${version} (id ${String(schema.id)})`;
}

/** The row badge: the registry decoder and schema, or a decoder rows do not show by themselves. */
export function decoderBadge(payload: Payload): string | null {
  if (payload.failed || payload.format === "withheld" || payload.format === "null") return null;
  if (payload.schema !== null) return `${payload.decoder} · ${schemaName(payload.schema)}`;
  return payload.decoder === "msgpack" ? "msgpack" : null;
}

/** The detail pane's line: which decoder produced the text, with which schema. */
export function decodePath(payload: Payload): string {
  const schema = payload.schema === null ? "" : ` with ${schemaName(payload.schema)}`;
  if (payload.failed) return `Could not decode${schema}; shown as ${payload.decoder}`;
  return `Decoded as ${payload.decoder}${schema}`;
}
