// Backend state for the schema browser, cached per connection: the registry overview
// under ["registry", id], a subject's detail under ["subject", id, subject], one version
// under ["subject-version", id, subject, version] (the detail's latest is put there too, so
// the schema shows without a second call). Registering refreshes the subject and overview.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SchemaDraft } from "../../bindings/SchemaDraft";
import {
  checkCompatibility,
  fetchRegistryOverview,
  fetchSubjectDetail,
  fetchSubjectVersion,
  registerSchema,
} from "../../platform";

export const schemaKeys = {
  overview: (connectionId: string) => ["registry", connectionId] as const,
  subject: (connectionId: string, subject: string) => ["subject", connectionId, subject] as const,
  version: (connectionId: string, subject: string, version: number) =>
    ["subject-version", connectionId, subject, version] as const,
};

/** `enabled: false` waits (a caller that only needs it when the connection has a registry). */
export function useRegistryOverview(connectionId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: schemaKeys.overview(connectionId),
    queryFn: () => fetchRegistryOverview(connectionId),
    enabled,
    meta: { errorShownInline: true },
  });
}

export function useSubjectDetail(connectionId: string, subject: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: schemaKeys.subject(connectionId, subject),
    queryFn: async () => {
      const detail = await fetchSubjectDetail(connectionId, subject);
      queryClient.setQueryData(schemaKeys.version(connectionId, subject, detail.latest.version), detail.latest);
      return detail;
    },
    meta: { errorShownInline: true },
  });
}

/** One version of a subject; `null` waits (nothing chosen yet). */
export function useSubjectVersion(connectionId: string, subject: string, version: number | null) {
  return useQuery({
    queryKey: schemaKeys.version(connectionId, subject, version ?? -1),
    queryFn: () => fetchSubjectVersion(connectionId, subject, version ?? "latest"),
    enabled: version !== null,
    // A registered version never changes.
    staleTime: Infinity,
    meta: { errorShownInline: true },
  });
}

export function useCheckCompatibility(connectionId: string, subject: string) {
  return useMutation({
    mutationFn: (draft: SchemaDraft) => checkCompatibility(connectionId, subject, draft),
  });
}

export function useRegisterSchema(connectionId: string, subject: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: SchemaDraft) => registerSchema(connectionId, subject, draft),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: schemaKeys.subject(connectionId, subject) }),
        queryClient.invalidateQueries({ queryKey: schemaKeys.overview(connectionId) }),
      ]);
    },
  });
}
