// Backend state for the audit log: the newest entries (fetched afresh each time the view
// opens: every browse adds one), checking the hash chain and exporting every entry, on demand.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ExportTarget } from "../../bindings/ExportTarget";
import { auditEntries, exportAudit, verifyAudit } from "../../platform";

/** How many of the newest entries the view shows. */
export const AUDIT_LIMIT = 200;

export const auditKeys = {
  all: ["audit"] as const,
  entries: (limit: number) => ["audit", "entries", limit] as const,
};

export function useAuditEntries() {
  return useQuery({
    queryKey: auditKeys.entries(AUDIT_LIMIT),
    queryFn: () => auditEntries(AUDIT_LIMIT),
    staleTime: 0,
    // Shown in the view, with Retry. A refusal racing a switch to a lower role ("view as")
    // is not worth a banner either: the view then says the log is for admins.
    meta: { errorShownInline: true },
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => verifyAudit() });
}

export function useExportAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: ExportTarget) => exportAudit(target),
    // The list is read again in case the backend logged the export itself.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
