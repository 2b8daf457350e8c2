// Which roles the UI offers schema registration to. Only a hint for the UI: the backend
// refuses the same roles with kind "forbidden". Every role may browse and check schemas.
import { useAppInfo } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const REGISTERS_SCHEMAS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canRegisterSchemas(role: Role): boolean {
  return REGISTERS_SCHEMAS[role];
}

/** False until the role is known, so the button never flashes for a role without it. */
export function useCanRegisterSchemas(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canRegisterSchemas(data.role);
}
