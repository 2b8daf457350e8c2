// Backend state for connection profiles: the cached list, and the mutations that
// change it or probe it. Components read and write connections only through these.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { ProfileDraft } from "../../bindings/ProfileDraft";
import {
  deleteConnection,
  listConnections,
  saveConnection,
  testConnection,
  testConnectionDraft,
} from "../../platform";

export const connectionKeys = {
  all: ["connections"] as const,
};

export function useConnections() {
  return useQuery({ queryKey: connectionKeys.all, queryFn: listConnections });
}

/** One profile out of the cached list (the list is small; there is no per-id command). */
export function useConnection(id: string) {
  return useQuery({
    queryKey: connectionKeys.all,
    queryFn: listConnections,
    select: (profiles: ConnectionProfile[]) => profiles.find((p) => p.id === id) ?? null,
  });
}

export function useSaveConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ProfileDraft) => saveConnection(draft),
    onSuccess: async (saved) => {
      // Put the saved profile in the cache right away so the detail view it navigates
      // to has it before the refetch lands.
      queryClient.setQueryData<ConnectionProfile[]>(connectionKeys.all, (list = []) => [
        ...list.filter((p) => p.id !== saved.id),
        saved,
      ]);
      await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteConnection(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
}

export function useTestConnection() {
  return useMutation({ mutationFn: (id: string) => testConnection(id) });
}

export function useTestConnectionDraft() {
  return useMutation({ mutationFn: (draft: ProfileDraft) => testConnectionDraft(draft) });
}
