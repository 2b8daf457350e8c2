// The create-topic form as typed, its checks, and the NewTopic it turns into. The checks
// mirror the backend's (Kafka's topic-name rules; 1–100,000 partitions; a replication
// factor that fits Kafka's int16) so most mistakes are caught before a round trip; the
// backend still checks everything and its answer is shown when it disagrees.
import type { NewTopic } from "../../../bindings/NewTopic";

export interface ConfigRow {
  /** Stable React key; rows can be removed from the middle. */
  key: number;
  name: string;
  value: string;
}

export interface NewTopicForm {
  name: string;
  partitions: string;
  replicationFactor: string;
  configs: ConfigRow[];
  /** The topic name typed again; only asked for on prod connections. */
  confirmation: string;
}

export interface NewTopicErrors {
  name: string | null;
  partitions: string | null;
  replicationFactor: string | null;
  /** One entry per config row, null where the row is fine. */
  configs: (string | null)[];
}

export const MAX_TOPIC_NAME_LENGTH = 249;
export const MAX_PARTITIONS = 100_000;
export const MAX_REPLICATION_FACTOR = 32_767;

const LEGAL_NAME_CHARS = /[a-zA-Z0-9._-]/g;

export function newTopicForm(): NewTopicForm {
  return { name: "", partitions: "3", replicationFactor: "1", configs: [], confirmation: "" };
}

function describeChar(char: string): string {
  if (char === " ") return "spaces";
  if (char.trim() === "") return "whitespace";
  return `“${char}”`;
}

/** Kafka's rules for a topic name: 1–249 of a–z, A–Z, 0–9, ".", "_", "-"; not "." or "..". */
export function topicNameProblem(name: string): string | null {
  if (name === "") return "Enter a topic name.";
  if (name === "." || name === "..") return `“${name}” is reserved and cannot be a topic name.`;
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `A topic name has at most ${MAX_TOPIC_NAME_LENGTH} characters; this one has ${name.length}.`;
  }
  const illegal = [...new Set(name.replace(LEGAL_NAME_CHARS, ""))];
  if (illegal.length > 0) {
    return `Use only letters a–z and A–Z, digits, “.”, “_” and “-”; remove ${illegal.map(describeChar).join(", ")}.`;
  }
  return null;
}

function countProblem(text: string, what: string, max: number): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Enter the ${what} as a whole number, at least 1.`;
  const value = Number(trimmed);
  if (value < 1) return `The ${what} must be at least 1.`;
  if (value > max) return `The ${what} can be at most ${max.toLocaleString("en-US")}.`;
  return null;
}

function configProblems(rows: readonly ConfigRow[]): (string | null)[] {
  const seen = new Set<string>();
  return rows.map(({ name, value }) => {
    const key = name.trim();
    if (key === "" && value === "") return null;
    if (key === "") return "Enter the config name (for example retention.ms).";
    if (value.trim() === "") return `Enter a value for ${key}.`;
    if (seen.has(key)) return `${key} is set twice; keep one.`;
    seen.add(key);
    return null;
  });
}

export function checkNewTopic(form: NewTopicForm): NewTopicErrors {
  return {
    name: topicNameProblem(form.name.trim()),
    partitions: countProblem(form.partitions, "number of partitions", MAX_PARTITIONS),
    replicationFactor: countProblem(form.replicationFactor, "replication factor", MAX_REPLICATION_FACTOR),
    configs: configProblems(form.configs),
  };
}

export function hasErrors(errors: NewTopicErrors): boolean {
  return (
    errors.name !== null ||
    errors.partitions !== null ||
    errors.replicationFactor !== null ||
    errors.configs.some((problem) => problem !== null)
  );
}

/** The NewTopic to send; call only when checkNewTopic found nothing. Empty config rows are dropped. */
export function toNewTopic(form: NewTopicForm): NewTopic {
  return {
    name: form.name.trim(),
    partitions: Number(form.partitions.trim()),
    replicationFactor: Number(form.replicationFactor.trim()),
    configs: form.configs
      .filter((row) => row.name.trim() !== "")
      .map((row) => ({ name: row.name.trim(), value: row.value.trim() })),
  };
}
