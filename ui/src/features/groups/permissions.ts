// Which roles the UI offers offset resets to. Only a hint for the UI: the backend
// refuses the same roles with kind "forbidden".
import { useAppInfo } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const RESETS_OFFSETS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canResetOffsets(role: Role): boolean {
  return RESETS_OFFSETS[role];
}

/** False until the role is known, so the button never flashes for a role without it. */
export function useCanResetOffsets(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canResetOffsets(data.role);
}
