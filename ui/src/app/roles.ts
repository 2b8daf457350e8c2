// The roles as the UI names and ranks them. The rank mirrors the backend's (admin >
// developer > support > troubleshooter): a user may view the app as the role the policy
// granted or any role below it, and the backend refuses anything higher.
import type { Role } from "../bindings/Role";

export const ROLE_LABELS: Record<Role, string> = {
  developer: "Developer",
  support: "Support",
  troubleshooter: "Troubleshooter",
  admin: "Admin",
};

// A Record so that a new role has to be ranked here.
const RANK: Record<Role, number> = {
  admin: 3,
  developer: 2,
  support: 1,
  troubleshooter: 0,
};

const BY_RANK: readonly Role[] = (Object.keys(RANK) as Role[]).sort((a, b) => RANK[b] - RANK[a]);

/** The roles `granted` may view the app as: itself first, then those below it by rank. */
export function rolesUpTo(granted: Role): Role[] {
  return BY_RANK.filter((role) => RANK[role] <= RANK[granted]);
}

// The roles that change things by default (the backend's "builders": produce, reset offsets,
// operate and record jobs, replay recordings). A Record so that a new role is decided here.
const BUILDS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function isBuilder(role: Role): boolean {
  return BUILDS[role];
}
