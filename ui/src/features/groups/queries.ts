// Backend state for consumer groups, cached per connection: the list under
// ["groups", id], one group's detail under ["group", id, groupId] — polled at the refresh
// interval chosen in Settings while its view is open, for the lag chart (not at all when
// Settings say refresh by hand). A reset refreshes both.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OffsetReset } from "../../bindings/OffsetReset";
import { describeGroup, listGroups, resetOffsets } from "../../platform";
import { usePollEvery } from "../../app/connectionRecovery";

export const groupKeys = {
  list: (connectionId: string) => ["groups", connectionId] as const,
  detail: (connectionId: string, groupId: string) => ["group", connectionId, groupId] as const,
};

/** `enabled: false` waits (a caller that only needs the list when the connection has Kafka). */
export function useGroups(connectionId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: groupKeys.list(connectionId),
    queryFn: () => listGroups(connectionId),
    enabled,
    meta: { errorShownInline: true },
  });
}

/** `pollMs`: how often the detail (and so the lag chart) refreshes; null: only on Refresh. */
export function useGroupDetail(connectionId: string, groupId: string, pollMs: number | null) {
  return useQuery({
    queryKey: groupKeys.detail(connectionId, groupId),
    queryFn: () => describeGroup(connectionId, groupId),
    // Polling stops while the group cannot be read (gone, broker down; Retry resumes it) and
    // while the cluster is lost (its recovery resumes it).
    refetchInterval: usePollEvery(connectionId, "kafka", pollMs),
    // Every poll is a point on the lag chart; a cached answer would be a stale one.
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}

export interface ResetRequest {
  reset: OffsetReset;
  /** The group id typed back; required (and checked) when applying on prod connections. */
  confirmation: string | null;
}

export function useResetOffsets(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reset, confirmation }: ResetRequest) => resetOffsets(connectionId, reset, confirmation),
    onSuccess: async (plan) => {
      if (!plan.applied) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.detail(connectionId, plan.groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.list(connectionId) }),
      ]);
    },
  });
}
