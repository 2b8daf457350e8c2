// The produce form as typed and the ProduceRequest it becomes. An empty key is "no key";
// the tombstone box sends no value at all (null), whatever the value field holds; header
// rows left empty are dropped. JSON is checked by the backend, whose answer says where.
import type { ProduceFormat } from "../../bindings/ProduceFormat";
import type { ProduceRequest } from "../../bindings/ProduceRequest";

export interface HeaderRow {
  /** Stable React key; rows can be removed from the middle. */
  id: number;
  key: string;
  value: string;
}

export interface ProduceForm {
  key: string;
  value: string;
  format: ProduceFormat;
  /** "" lets the partitioner choose (by key). */
  partition: string;
  headers: HeaderRow[];
  tombstone: boolean;
}

export function produceForm(): ProduceForm {
  return { key: "", value: "", format: "json", partition: "", headers: [], tombstone: false };
}

/** One message per header row that has a value but no name; null where the row is fine. */
export function headerProblems(rows: readonly HeaderRow[]): (string | null)[] {
  return rows.map((row) => (row.key.trim() === "" && row.value !== "" ? "Enter the header name." : null));
}

export function toProduceRequest(topic: string, form: ProduceForm): ProduceRequest {
  return {
    topic,
    partition: form.partition === "" ? null : Number(form.partition),
    key: form.key === "" ? null : form.key,
    value: form.tombstone ? null : form.value,
    headers: form.headers
      .filter((row) => row.key.trim() !== "")
      .map((row) => ({ key: row.key.trim(), value: row.value })),
    format: form.format,
  };
}
