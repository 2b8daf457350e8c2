// A schema as people read it: Avro and JSON Schema as JSON indented by two spaces (key
// order and number spelling as the registry wrote them), Protobuf as its .proto text.
// Text that does not parse is shown as it is rather than not at all.
import type { SchemaType } from "../../bindings/SchemaType";
import { indentJson } from "../messages/payload";

export type SchemaLanguage = "json" | "proto";

export const SCHEMA_TYPE_LABELS: Record<SchemaType, string> = {
  AVRO: "Avro",
  PROTOBUF: "Protobuf",
  JSON: "JSON Schema",
};

export function languageOf(type: SchemaType): SchemaLanguage {
  return type === "PROTOBUF" ? "proto" : "json";
}

export function prettySchema(type: SchemaType, schema: string): string {
  const text = schema.replace(/\r\n?/g, "\n");
  if (languageOf(type) === "proto") return text.replace(/\s+$/, "");
  try {
    JSON.parse(text);
  } catch {
    return text;
  }
  return indentJson(text);
}
