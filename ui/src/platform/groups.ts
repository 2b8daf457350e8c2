// Typed functions for the consumer-group commands: the list with lag, one group's detail,
// and offset resets (a dry run first; `confirmation` is the group id typed back on prod).
import type { GroupDetail } from "../bindings/GroupDetail";
import type { GroupSummary } from "../bindings/GroupSummary";
import type { OffsetReset } from "../bindings/OffsetReset";
import type { ResetPlan } from "../bindings/ResetPlan";
import { callCommand } from "./ipc";

export function listGroups(connectionId: string): Promise<GroupSummary[]> {
  return callCommand<GroupSummary[]>("list_groups", { connectionId });
}

export function describeGroup(connectionId: string, groupId: string): Promise<GroupDetail> {
  return callCommand<GroupDetail>("describe_group", { connectionId, groupId });
}

export function resetOffsets(connectionId: string, reset: OffsetReset, confirmation: string | null): Promise<ResetPlan> {
  return callCommand<ResetPlan>("reset_offsets", { connectionId, reset, confirmation });
}
