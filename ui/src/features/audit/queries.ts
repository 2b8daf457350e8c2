// Backend state for the audit log: the newest entries (fetched afresh each time the view
// opens: every browse adds one) and checking the hash chain, on demand.
import { useMutation, useQuery } from "@tanstack/react-query";
import { auditEntries, verifyAudit } from "../../platform";

/** How many of the newest entries the view shows. */
export const AUDIT_LIMIT = 200;

export const auditKeys = {
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
