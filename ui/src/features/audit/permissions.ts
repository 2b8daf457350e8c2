// Who the UI offers the audit log to. Only a hint for the UI: the backend refuses every
// other role with kind "forbidden".
import { useRoleAllows } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const VIEWS_AUDIT: Record<Role, boolean> = {
  admin: true,
  developer: false,
  support: false,
  troubleshooter: false,
};

export function canViewAudit(role: Role): boolean {
  return VIEWS_AUDIT[role];
}

/** False until the role is known, and for an admin viewing the app as a lower role. */
export function useCanViewAudit(): boolean {
  return useRoleAllows(canViewAudit);
}
