// Which roles the UI offers offset resets to (developer, admin). Only a hint for the UI:
// the backend refuses the same roles with kind "forbidden".
import { useRoleAllows } from "../../app/appInfo";
import { isBuilder } from "../../app/roles";

export const canResetOffsets = isBuilder;

export function useCanResetOffsets(): boolean {
  return useRoleAllows(canResetOffsets);
}
