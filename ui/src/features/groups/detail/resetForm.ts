// The reset-offsets form as typed and the OffsetReset it becomes. Checks here mirror the
// backend's (it checks again): a topic, a whole-number offset or a valid time, and a
// partition list of whole numbers (empty: every partition of the topic).
import type { OffsetReset } from "../../../bindings/OffsetReset";
import type { ResetTarget } from "../../../bindings/ResetTarget";
import { parseLocalDateTime } from "../../messages/seek";

export type TargetKind = ResetTarget["kind"];

export const TARGET_KINDS: readonly TargetKind[] = ["earliest", "latest", "offset", "timestamp"];

export const TARGET_LABELS: Record<TargetKind, string> = {
  earliest: "Earliest",
  latest: "Latest",
  offset: "An offset",
  timestamp: "A point in time",
};

export const TARGET_HINTS: Record<TargetKind, string> = {
  earliest: "The oldest message each partition still keeps: the group reads everything again.",
  latest: "The end of each partition: the group skips everything it has not read yet.",
  offset: "The same offset on every chosen partition (clamped to what each holds).",
  timestamp: "The first message at or after this time, on each partition.",
};

export interface ResetForm {
  topic: string;
  target: TargetKind;
  /** The offset (target "offset") or a datetime-local value (target "timestamp"). */
  value: string;
  /** Comma-separated partition ids; empty for all. */
  partitions: string;
}

export function resetForm(topic: string): ResetForm {
  return { topic, target: "earliest", value: "", partitions: "" };
}

export type ResetCheck = { ok: true; reset: OffsetReset } | { ok: false; problem: string };

/** null for "all partitions", else the ids; a string when the list is not ids. */
export function parsePartitionList(text: string): number[] | null | string {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return null;
  const bad = parts.find((part) => !/^\d+$/.test(part));
  if (bad !== undefined) return `“${bad}” is not a partition id: list whole numbers separated by commas, or leave empty for all.`;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function target(form: ResetForm): ResetTarget | string {
  switch (form.target) {
    case "earliest":
      return { kind: "earliest" };
    case "latest":
      return { kind: "latest" };
    case "offset": {
      const text = form.value.trim();
      if (!/^\d+$/.test(text)) return "Enter the offset as a whole number (0 or more).";
      return { kind: "offset", offset: Number(text) };
    }
    case "timestamp": {
      const millis = parseLocalDateTime(form.value);
      return millis === null ? "Enter the date and time to reset to." : { kind: "timestamp", millis };
    }
  }
}

export function toOffsetReset(
  groupId: string,
  form: ResetForm,
  { dryRun, assumeInactive }: { dryRun: boolean; assumeInactive: boolean },
): ResetCheck {
  const topic = form.topic.trim();
  if (topic === "") return { ok: false, problem: "Choose the topic whose offsets to reset." };
  const resetTarget = target(form);
  if (typeof resetTarget === "string") return { ok: false, problem: resetTarget };
  const partitions = parsePartitionList(form.partitions);
  if (typeof partitions === "string") return { ok: false, problem: partitions };
  return { ok: true, reset: { groupId, topic, partitions, target: resetTarget, dryRun, assumeInactive } };
}
