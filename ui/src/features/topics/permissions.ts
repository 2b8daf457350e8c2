// Which roles the UI offers topic administration (create, delete) to. Only a hint for
// the UI: the backend refuses the same roles with kind "forbidden".
import { useAppInfo } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const MANAGES_TOPICS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canManageTopics(role: Role): boolean {
  return MANAGES_TOPICS[role];
}

/** False until the role is known, so the buttons never flash for a role without them. */
export function useCanManageTopics(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canManageTopics(data.role);
}
