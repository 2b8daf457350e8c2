// Who the UI offers the workspace policy to (the policy's `edit_policy` action, admin by
// default). Only a hint for the UI: the backend refuses every other role with kind "forbidden".
import { useRoleAllows } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const EDITS_POLICY: Record<Role, boolean> = {
  admin: true,
  developer: false,
  support: false,
  troubleshooter: false,
};

export function canEditPolicy(role: Role): boolean {
  return EDITS_POLICY[role];
}

/** False until the role is known, and for an admin viewing the app as a lower role. */
export function useCanEditPolicy(): boolean {
  return useRoleAllows(canEditPolicy);
}
