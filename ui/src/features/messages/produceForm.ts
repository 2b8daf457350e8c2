// The produce form as typed and the ProduceRequest it becomes. An empty key is "no key";
// the tombstone box sends no value at all (null), whatever the value field holds; header
// rows left empty are dropped. JSON is checked by the backend, whose answer says where.
// With a registry subject chosen the value is JSON the backend encodes with that schema
// (the latest version unless one is picked; for Protobuf, optionally a message name).
import type { ProduceFormat } from "../../bindings/ProduceFormat";
import type { ProduceRequest } from "../../bindings/ProduceRequest";
import type { ProduceSchema } from "../../bindings/ProduceSchema";

export interface HeaderRow {
  /** Stable React key; rows can be removed from the middle. */
  id: number;
  key: string;
  value: string;
}

/** "latest", or a version number as the select holds it. */
export type VersionChoice = "latest" | `${number}`;

export interface SchemaChoice {
  /** "" sends the value as typed; null: not picked yet, the topic's default applies. */
  subject: string | null;
  version: VersionChoice;
  /** Protobuf message full name; "" takes the schema's first message. */
  message: string;
}

export interface ProduceForm {
  key: string;
  value: string;
  format: ProduceFormat;
  /** "" lets the partitioner choose (by key). */
  partition: string;
  headers: HeaderRow[];
  tombstone: boolean;
  schema: SchemaChoice;
}

export function noSchema(): SchemaChoice {
  return { subject: null, version: "latest", message: "" };
}

export function produceForm(): ProduceForm {
  return { key: "", value: "", format: "json", partition: "", headers: [], tombstone: false, schema: noSchema() };
}

/** The subject a topic's values are registered under by default (TopicNameStrategy). */
export function valueSubject(topic: string): string {
  return `${topic}-value`;
}

/** The subject to use: the one picked, else the topic's value subject when the registry has it. */
export function chosenSubject(choice: SchemaChoice, topic: string, subjects: readonly string[]): string {
  if (choice.subject !== null) return choice.subject;
  return subjects.includes(valueSubject(topic)) ? valueSubject(topic) : "";
}

/** One message per header row that has a value but no name; null where the row is fine. */
export function headerProblems(rows: readonly HeaderRow[]): (string | null)[] {
  return rows.map((row) => (row.key.trim() === "" && row.value !== "" ? "Enter the header name." : null));
}

function toProduceSchema(choice: SchemaChoice): ProduceSchema | null {
  if (choice.subject === null || choice.subject === "") return null;
  const message = choice.message.trim();
  return {
    subject: choice.subject,
    version: choice.version === "latest" ? null : Number(choice.version),
    message: message === "" ? null : message,
  };
}

/** `form.schema.subject` is the resolved subject here (see chosenSubject); a tombstone has no schema. */
export function toProduceRequest(topic: string, form: ProduceForm): ProduceRequest {
  const schema = form.tombstone ? null : toProduceSchema(form.schema);
  return {
    topic,
    partition: form.partition === "" ? null : Number(form.partition),
    key: form.key === "" ? null : form.key,
    value: form.tombstone ? null : form.value,
    headers: form.headers
      .filter((row) => row.key.trim() !== "")
      .map((row) => ({ key: row.key.trim(), value: row.value })),
    // A schema encodes JSON; the format select is locked to it meanwhile.
    format: schema === null ? form.format : "json",
    schema,
  };
}
